import * as pulumi from "@pulumi/pulumi";
const shared = new pulumi.Config("shared");
const obs = new pulumi.Config('observability');
export const domain = shared.require("domain");
export const endpoint = obs.get("endpoint");
