import pulumi
import pulumi_gcp as gcp

dataset = gcp.bigquery.Dataset("raw", dataset_id="raw")
