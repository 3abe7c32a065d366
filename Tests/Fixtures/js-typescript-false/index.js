"use strict";
const pulumi = require("@pulumi/pulumi");
const gcp = require("@pulumi/gcp");
const bucket = new gcp.storage.Bucket("my-bucket", { location: "US" });
exports.bucketName = bucket.url;
