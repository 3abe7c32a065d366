import * as aws from "@pulumi/aws";
export const bucket = new aws.s3.BucketV2("bucket").id;
