import * as pulumi from "@pulumi/pulumi";
const c = new pulumi.Config();
export const n = c.requireNumber("instanceCount");
