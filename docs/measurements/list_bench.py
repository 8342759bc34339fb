"""ListTrainingJobs with N jobs queued on one plan, clock moved 10 days: seconds per call (median of 3)."""
import sys, json, time, statistics, urllib.request, boto3
from botocore.config import Config
port, n = int(sys.argv[1]), int(sys.argv[2])
E = f'http://127.0.0.1:{port}'
def admin(method, path, body=None):
    req = urllib.request.Request(E + path, data=None if body is None else json.dumps(body).encode(), method=method)
    return urllib.request.urlopen(req).read()
sm = boto3.client('sagemaker', endpoint_url=E, region_name='us-east-1', aws_access_key_id='a',
                  aws_secret_access_key='x', config=Config(retries={'max_attempts': 1}, read_timeout=300))
admin('POST', '/_emulator/reset')
admin('PUT', '/_emulator/clock', {'now': '2030-03-01T00:00:00Z', 'frozen': True})
off = sm.search_training_plan_offerings(InstanceType='ml.p5.48xlarge', InstanceCount=8, DurationHours=720,
                                        TargetResources=['training-job'])['TrainingPlanOfferings'][0]['TrainingPlanOfferingId']
plan = sm.create_training_plan(TrainingPlanName='p', TrainingPlanOfferingId=off)['TrainingPlanArn']
admin('POST', '/_emulator/clock/advance', {'seconds': 120})
for i in range(n):
    sm.create_training_job(TrainingJobName=f'j{i:04d}', RoleArn='arn:aws:iam::123456789012:role/r',
        AlgorithmSpecification={'TrainingImage': '1.dkr.ecr.us-east-1.amazonaws.com/t:1', 'TrainingInputMode': 'File'},
        OutputDataConfig={'S3OutputPath': 's3://b/o'},
        ResourceConfig={'InstanceType': 'ml.p5.48xlarge', 'InstanceCount': 1, 'VolumeSizeInGB': 10, 'TrainingPlanArn': plan})
admin('POST', '/_emulator/clock/advance', {'seconds': 10 * 86400})
def timed(f):
    out = []
    for _ in range(3):
        t = time.perf_counter(); f(); out.append(time.perf_counter() - t)
    return statistics.median(out)
lst = timed(lambda: sm.list_training_jobs(MaxResults=10))
desc = timed(lambda: sm.describe_training_job(TrainingJobName=f'j{n // 2:04d}'))
plan_d = timed(lambda: sm.describe_training_plan(TrainingPlanName='p'))
print(json.dumps({'jobs': n, 'ListTrainingJobs_s': round(lst, 3), 'DescribeTrainingJob_s': round(desc, 3),
                  'DescribeTrainingPlan_s': round(plan_d, 3)}))
