// A serverless stack: a code bucket, two Lambda functions behind a REST API.
import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';

export class TapStack extends pulumi.ComponentResource {
  constructor(name, args, opts) {
    super('tap:stack:TapStack', name, args, opts);
    const environmentSuffix = args.environmentSuffix || 'dev';

    const provider = new aws.Provider('aws-provider', { region: 'us-west-2' }, { parent: this });

    // A deterministic name: the same bucket on every deployment.
    const lambdaBucket = new aws.s3.Bucket('lambda-code-bucket', {
      bucket: `serverless-lambda-code-${environmentSuffix}-bucket`,
      tags: args.tags,
    }, { parent: this, provider });

    const role = new aws.iam.Role('lambda-role', {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
      }),
    }, { parent: this, provider });

    new aws.iam.RolePolicy('lambda-logs', {
      role: role.id,
      policy: pulumi.all([lambdaBucket.arn]).apply(([bucketArn]) => JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `${bucketArn}/*` }],
      })),
    }, { parent: this, provider });

    const api = new aws.apigateway.RestApi('tap-api', { name: `tap-api-${environmentSuffix}` }, { parent: this, provider });

    this.lambdaBucketName = lambdaBucket.bucket;
    this.apiUrl = pulumi.interpolate`https://${api.id}.execute-api.us-west-2.amazonaws.com/prod`;
    this.registerOutputs({ apiUrl: this.apiUrl, lambdaBucketName: this.lambdaBucketName });
  }
}
