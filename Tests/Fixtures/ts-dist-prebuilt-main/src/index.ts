import * as aws from "@pulumi/aws";
export const api = new aws.apigateway.RestApi("api");
