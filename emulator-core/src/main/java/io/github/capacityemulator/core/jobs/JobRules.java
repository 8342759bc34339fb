package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.error.ResourceLimitExceeded;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.requests.AlgorithmSpecification;
import io.github.capacityemulator.core.requests.CreateTrainingJobRequest;
import io.github.capacityemulator.core.requests.ResourceConfig;

/**
 * What CreateTrainingJob needs in practice beyond the model's required members, and the rules of a job on a plan.
 * Each broken rule is a ValidationException that says what is missing or wrong.
 */
final class JobRules {

    static final String TARGET = "training-job";
    static final long MAX_RUNTIME_SECONDS = 28L * 24 * 3600;
    static final long DEFAULT_RUNTIME_SECONDS = 24L * 3600;

    private JobRules() {
    }

    /** The job's resources: ResourceConfig with an instance type and count (serverless and instance groups: no). */
    static ResourceConfig resources(CreateTrainingJobRequest in) {
        if (in.serverlessJobConfig() != null) {
            throw new ValidationException("ServerlessJobConfig is not supported by this emulator: give ResourceConfig"
                    + " with InstanceType and InstanceCount.");
        }
        ResourceConfig r = in.resourceConfig();
        if (r == null) {
            throw new ValidationException("ResourceConfig is required: give InstanceType and InstanceCount.");
        }
        if (r.instanceGroups() != null) {
            throw new ValidationException("ResourceConfig.InstanceGroups (heterogeneous clusters) is not supported by this"
                    + " emulator: give InstanceType and InstanceCount.");
        }
        if (r.instanceType() == null || r.instanceCount() == null) {
            throw new ValidationException("ResourceConfig must specify InstanceType and InstanceCount.");
        }
        if (r.instanceCount() < 1) {
            throw new ValidationException("ResourceConfig.InstanceCount must be at least 1; got " + r.instanceCount() + ".");
        }
        return r;
    }

    static void checkAlgorithm(AlgorithmSpecification a) {
        if (a == null) {
            throw new ValidationException("AlgorithmSpecification is required: give TrainingImage or AlgorithmName,"
                    + " and TrainingInputMode.");
        }
        if ((a.trainingImage() != null) == (a.algorithmName() != null)) {
            throw new ValidationException("AlgorithmSpecification must specify exactly one of TrainingImage or"
                    + " AlgorithmName.");
        }
    }

    /** MaxRuntimeInSeconds, 1 day unless given, at most 28 days. */
    static long maxRuntimeSeconds(CreateTrainingJobRequest in) {
        Integer given = in.stoppingCondition() == null ? null : in.stoppingCondition().maxRuntimeInSeconds();
        if (given != null && given > MAX_RUNTIME_SECONDS) {
            throw new ValidationException("StoppingCondition.MaxRuntimeInSeconds must be at most " + MAX_RUNTIME_SECONDS
                    + " (28 days); got " + given + ".");
        }
        long runtime = given == null ? DEFAULT_RUNTIME_SECONDS : given;
        Integer wait = in.stoppingCondition() == null ? null : in.stoppingCondition().maxWaitTimeInSeconds();
        if (wait != null && wait < runtime) {
            throw new ValidationException("StoppingCondition.MaxWaitTimeInSeconds must be equal to or greater than"
                    + " MaxRuntimeInSeconds; got " + wait + " and " + runtime + ".");
        }
        return runtime;
    }

    /** A plan must target training jobs, be Scheduled or Active, reserve the job's type and hold its count. */
    static void checkPlan(String job, ReservedPlan plan, ResourceConfig r) {
        String because = null;
        if (!plan.targets(TARGET)) {
            because = "it targets " + plan.targetResources() + ", not " + TARGET;
        } else if (!plan.status().equals("Scheduled") && !plan.status().equals("Active")) {
            because = "it is " + plan.status() + "; a job can use only a Scheduled or Active training plan";
        } else if (!plan.instanceType().equals(r.instanceType())) {
            because = "it reserves " + plan.instanceType() + ", not " + r.instanceType();
        } else if (r.instanceCount() > plan.usableInstances()) {
            because = "it reserves " + plan.usableInstances() + " instances, and the job asks for " + r.instanceCount();
        }
        if (because != null) {
            throw new ValidationException("Training job " + job + " cannot use training plan " + plan.name() + ": "
                    + because + ".");
        }
    }

    /** The per-type on-demand quota, in the account-level quota message form. */
    static void checkQuota(String type, int limit, int used, int asked) {
        if (used + asked > limit) {
            throw new ResourceLimitExceeded("The account-level service limit '" + type + " for training job usage' is "
                    + limit + " Instances, with current utilization of " + used + " Instances and a request delta of "
                    + asked + " Instances. Please contact AWS support to request an increase for this limit.");
        }
    }
}
