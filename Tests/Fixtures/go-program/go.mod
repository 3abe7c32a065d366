module go-gke

go 1.21

require (
	github.com/pulumi/pulumi-gcp/sdk/v7 v7.38.0
	github.com/pulumi/pulumi/sdk/v3 v3.130.0
)
