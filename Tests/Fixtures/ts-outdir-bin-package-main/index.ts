import * as pulumi from "@pulumi/pulumi";
import { createNetwork } from "./src/network";
const config = new pulumi.Config();
export const vpcId = createNetwork(config.requireNumber("instanceCount"));
