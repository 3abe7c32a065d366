const pulumi = require("@pulumi/pulumi");
module.exports.zone = new pulumi.Config().require("zone");
