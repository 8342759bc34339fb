package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.Member;
import io.github.capacityemulator.core.contract.Shape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every member of CreateTrainingJob that DescribeTrainingJob has with the same shape comes back as sent. The member
 * list is the contract's, so a member the model adds fails this test until the fixture fills it. Raw protocol, so
 * that what is compared is the JSON itself.
 */
class TrainingJobEchoTest extends TrainingJobTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not echoed by design: the name is the job's own member, tags are read with ListTags. */
    private static final Set<String> NOT_ECHOED = Set.of("TrainingJobName", "Tags");
    /** Echoed by the model but refused by the emulator, which runs no serverless jobs. */
    private static final String REFUSED = "ServerlessJobConfig";

    private static final String RULES_IMAGE = "503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest";

    private static String fixture(String planArn) {
        return "{\"TrainingJobName\":\"echo\","
                + "\"HyperParameters\":{\"epochs\":\"10\",\"learning_rate\":\"0.001\"},"
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"" + IMAGE + "\",\"TrainingInputMode\":\"File\","
                + "\"MetricDefinitions\":[{\"Name\":\"loss\",\"Regex\":\"loss=(\\\\S+)\"}],"
                + "\"EnableSageMakerMetricsTimeSeries\":true,\"ContainerEntrypoint\":[\"python\",\"train.py\"],"
                + "\"ContainerArguments\":[\"--epochs\",\"10\"],\"TrainingImageConfig\":{\"TrainingRepositoryAccessMode\":\"Vpc\","
                + "\"TrainingRepositoryAuthConfig\":{\"TrainingRepositoryCredentialsProviderArn\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:credentials\"}}},"
                + "\"RoleArn\":\"" + ROLE + "\","
                + "\"InputDataConfig\":[{\"ChannelName\":\"train\",\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\","
                + "\"S3Uri\":\"s3://bucket/train/\",\"S3DataDistributionType\":\"ShardedByS3Key\",\"AttributeNames\":[\"source-ref\"],"
                + "\"InstanceGroupNames\":[\"g\"],\"ModelAccessConfig\":{\"AcceptEula\":true}}},\"ContentType\":\"text/csv\","
                + "\"CompressionType\":\"Gzip\",\"RecordWrapperType\":\"RecordIO\",\"InputMode\":\"Pipe\",\"ShuffleConfig\":{\"Seed\":42}},"
                + "{\"ChannelName\":\"fsx\",\"DataSource\":{\"FileSystemDataSource\":{\"FileSystemId\":\"fs-0123456789abcdef0\","
                + "\"FileSystemAccessMode\":\"ro\",\"FileSystemType\":\"FSxLustre\",\"DirectoryPath\":\"/fsx/data\"}}}],"
                + "\"OutputDataConfig\":{\"KmsKeyId\":\"alias/training\",\"S3OutputPath\":\"" + OUTPUT + "\",\"CompressionType\":\"NONE\"},"
                + "\"ResourceConfig\":{\"InstanceType\":\"ml.p5.48xlarge\",\"InstanceCount\":2,\"VolumeSizeInGB\":500,"
                + "\"VolumeKmsKeyId\":\"key-0123\",\"KeepAlivePeriodInSeconds\":600,\"TrainingPlanArn\":\"" + planArn + "\","
                + "\"InstancePlacementConfig\":{\"EnableMultipleJobs\":true,\"PlacementSpecifications\":"
                + "[{\"UltraServerId\":\"us-0123\",\"InstanceCount\":2}]}},"
                + "\"VpcConfig\":{\"SecurityGroupIds\":[\"sg-0123\"],\"Subnets\":[\"subnet-0123\",\"subnet-4567\"]},"
                + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":7200,\"MaxWaitTimeInSeconds\":10800,\"MaxPendingTimeInSeconds\":7200},"
                + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}],"
                + "\"EnableNetworkIsolation\":true,\"EnableInterContainerTrafficEncryption\":true,\"EnableManagedSpotTraining\":false,"
                + "\"CheckpointConfig\":{\"S3Uri\":\"s3://bucket/checkpoints\",\"LocalPath\":\"/opt/ml/checkpoints\"},"
                + "\"DebugHookConfig\":{\"LocalPath\":\"/opt/ml/output/tensors\",\"S3OutputPath\":\"s3://bucket/debug\","
                + "\"HookParameters\":{\"save_interval\":\"100\"},\"CollectionConfigurations\":[{\"CollectionName\":\"weights\","
                + "\"CollectionParameters\":{\"save_interval\":\"500\"}}]},"
                + "\"DebugRuleConfigurations\":[{\"RuleConfigurationName\":\"LossNotDecreasing\",\"LocalPath\":\"/opt/ml/rule\","
                + "\"S3OutputPath\":\"s3://bucket/rules\",\"RuleEvaluatorImage\":\"" + RULES_IMAGE + "\",\"InstanceType\":\"ml.t3.medium\","
                + "\"VolumeSizeInGB\":30,\"RuleParameters\":{\"rule_to_invoke\":\"LossNotDecreasing\"}}],"
                + "\"TensorBoardOutputConfig\":{\"LocalPath\":\"/opt/ml/output/tensorboard\",\"S3OutputPath\":\"s3://bucket/tb\"},"
                + "\"ExperimentConfig\":{\"ExperimentName\":\"exp\",\"TrialName\":\"trial\",\"TrialComponentDisplayName\":\"component\","
                + "\"RunName\":\"run-1\"},"
                + "\"ProfilerConfig\":{\"S3OutputPath\":\"s3://bucket/profiler\",\"ProfilingIntervalInMilliseconds\":500,"
                + "\"ProfilingParameters\":{\"DataloaderProfilingConfig\":\"{\\\"StartStep\\\": 5}\"},\"DisableProfiler\":false},"
                + "\"ProfilerRuleConfigurations\":[{\"RuleConfigurationName\":\"ProfilerReport\",\"RuleEvaluatorImage\":\""
                + RULES_IMAGE + "\",\"RuleParameters\":{\"rule_to_invoke\":\"ProfilerReport\"}}],"
                + "\"Environment\":{\"MODE\":\"test\",\"SEED\":\"42\"},"
                + "\"RetryStrategy\":{\"MaximumRetryAttempts\":3},"
                + "\"RemoteDebugConfig\":{\"EnableRemoteDebug\":true},"
                + "\"InfraCheckConfig\":{\"EnableInfraCheck\":true},"
                + "\"SessionChainingConfig\":{\"EnableSessionTagChaining\":true},"
                + "\"MlflowConfig\":{\"MlflowResourceArn\":\"arn:aws:sagemaker:us-east-1:000000000000:mlflow-tracking-server/tracker\","
                + "\"MlflowExperimentName\":\"exp\",\"MlflowRunName\":\"run\"},"
                + "\"ModelPackageConfig\":{\"ModelPackageGroupArn\":\"arn:aws:sagemaker:us-east-1:000000000000:model-package-group/group\","
                + "\"SourceModelPackageArn\":\"arn:aws:sagemaker:us-east-1:000000000000:model-package/group/1\"}}";
    }

    /** The members the model says DescribeTrainingJob gives back: same name, same shape. */
    private static List<String> echoedByTheModel() {
        ApiContract contract = ApiContract.load();
        Shape input = contract.shape(contract.operation("CreateTrainingJob").orElseThrow().input());
        Shape output = contract.shape(contract.operation("DescribeTrainingJob").orElseThrow().output());
        List<String> echoed = new ArrayList<>();
        for (Member m : input.members()) {
            if (!NOT_ECHOED.contains(m.name())
                    && output.findMember(m.name()).map(o -> o.shapeName().equals(m.shapeName())).orElse(false)) {
                echoed.add(m.name());
            }
        }
        return echoed;
    }

    @Test
    void everyMemberOfCreateTrainingJobThatDescribeHasComesBackAsSent() throws Exception {
        String plan = buyJobsPlan("echo-plan", 2);
        JsonNode request = JSON.readTree(fixture(plan));
        List<String> echoed = echoedByTheModel();
        assertThat(echoed).as("the model's echoed members (a sanity check of the contract)")
                .contains("AlgorithmSpecification", "ResourceConfig", "StoppingCondition", "HyperParameters", REFUSED)
                .doesNotContain("SessionChainingConfig");
        List<String> unfilled = new ArrayList<>();
        for (String m : echoed) {
            if (!m.equals(REFUSED) && !request.has(m)) {
                unfilled.add(m);
            }
        }
        assertThat(unfilled).as("members the fixture does not fill").isEmpty();
        for (Member m : ApiContract.load().shape("CreateTrainingJobRequest").members()) {
            assertThat(request.has(m.name()) || m.name().equals(REFUSED)).as("the fixture sends " + m.name()).isTrue();
        }

        JsonNode created = raw.ok("CreateTrainingJob", request.toString());
        assertThat(created.get("TrainingJobArn").asText()).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/echo");
        JsonNode described = raw.ok("DescribeTrainingJob", "{\"TrainingJobName\":\"echo\"}");
        for (String m : echoed) {
            if (!m.equals(REFUSED)) {
                assertThat(described.get(m)).as(m).isEqualTo(request.get(m));
            }
        }
        assertThat(described.has("SessionChainingConfig")).as("DescribeTrainingJobResponse has no such member").isFalse();
        assertThat(described.has("Tags")).isFalse();
        assertThat(described.has(REFUSED)).isFalse();
        assertThat(described.get("TrainingJobName").asText()).isEqualTo("echo");

        admin.setClock(at("PT2H"));
        JsonNode later = raw.ok("DescribeTrainingJob", "{\"TrainingJobName\":\"echo\"}");
        for (String m : echoed) {
            if (!m.equals(REFUSED)) {
                assertThat(later.get(m)).as(m + " once the job has run").isEqualTo(request.get(m));
            }
        }
    }

    @Test
    void serverlessJobConfigWhichTheModelEchoesIsRefused() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(minimal("serverless"));
        request.set(REFUSED, JSON.readTree("{\"BaseModelArn\":\"arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub"
                + "/Model/llama/1.0.0\",\"JobType\":\"FineTuning\"}"));
        RawSageMaker.Answer answer = raw.call("CreateTrainingJob", request.toString());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("ValidationException");
        assertThat(answer.message()).isEqualTo("ServerlessJobConfig is not supported by this emulator: give ResourceConfig"
                + " with InstanceType and InstanceCount.");
        notFound(() -> describe("serverless"));
    }

    private static String minimal(String name) {
        return "{\"TrainingJobName\":\"" + name + "\",\"RoleArn\":\"" + ROLE + "\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"" + IMAGE + "\",\"TrainingInputMode\":\"File\"},"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"" + OUTPUT + "\"},"
                + "\"ResourceConfig\":{\"InstanceType\":\"ml.m5.xlarge\",\"InstanceCount\":1,\"VolumeSizeInGB\":50}}";
    }

    @Test
    void aMinimalRequestComesBackMinimalWithTheDefaultMaxRuntime() throws Exception {
        raw.ok("CreateTrainingJob", minimal("minimal"));
        JsonNode d = raw.ok("DescribeTrainingJob", "{\"TrainingJobName\":\"minimal\"}");
        JsonNode request = JSON.readTree(minimal("minimal"));
        for (String m : List.of("RoleArn", "AlgorithmSpecification", "OutputDataConfig", "ResourceConfig")) {
            assertThat(d.get(m)).as(m).isEqualTo(request.get(m));
        }
        assertThat(d.get("StoppingCondition")).isEqualTo(JSON.readTree("{\"MaxRuntimeInSeconds\":86400}"));
        List<String> reportedAnyway = List.of("EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
                "EnableManagedSpotTraining");
        for (String m : echoedByTheModel()) {
            if (reportedAnyway.contains(m)) {
                assertThat(d.get(m).asBoolean(true)).as(m + " not sent: false").isFalse();
            } else if (!request.has(m) && !m.equals("StoppingCondition")) {
                assertThat(d.has(m)).as(m + " was not sent").isFalse();
            }
        }

        raw.ok("CreateTrainingJob", ((ObjectNode) JSON.readTree(minimal("pending-only")))
                .set("StoppingCondition", JSON.readTree("{\"MaxPendingTimeInSeconds\":7200}")).toString());
        assertThat(raw.ok("DescribeTrainingJob", "{\"TrainingJobName\":\"pending-only\"}").get("StoppingCondition"))
                .isEqualTo(JSON.readTree("{\"MaxPendingTimeInSeconds\":7200,\"MaxRuntimeInSeconds\":86400}"));
    }
}
