// node list-clusters.mjs ENDPOINT KEY SECRET: lists cluster names with the JS v3 SDK; prints JSON, exits 1 on an AWS error.
import { SageMakerClient, ListClustersCommand } from "@aws-sdk/client-sagemaker";

const [endpoint, accessKeyId, secretAccessKey] = process.argv.slice(2);
const client = new SageMakerClient({ endpoint, region: "us-east-1", credentials: { accessKeyId, secretAccessKey },
  maxAttempts: 1 });
try {
  const out = await client.send(new ListClustersCommand({}));
  console.log(JSON.stringify({ clusters: out.ClusterSummaries.map((c) => c.ClusterName) }));
} catch (e) {
  console.log(JSON.stringify({ error: e.name, message: e.message, status: e.$metadata?.httpStatusCode }));
  process.exit(1);
}
