import * as pulumi from "@pulumi/pulumi";
const network = new pulumi.StackReference(new pulumi.Config().require("networkStack"));
export const vpcId = network.getOutput("vpc");
