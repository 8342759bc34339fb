"""Sequential CreateCluster calls against an emulator with --data-dir: median ms per call over N."""
import sys, json, time, statistics, http.client
port, n = int(sys.argv[1]), int(sys.argv[2])
def call(target, body):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    c.request('POST', '/', body=json.dumps(body), headers={'X-Amz-Target': 'SageMaker.' + target,
              'Content-Type': 'application/x-amz-json-1.1'})
    r = c.getresponse(); r.read(); return r.status
times = []
for i in range(n):
    t = time.perf_counter()
    s = call('CreateCluster', {'ClusterName': f'w{i}', 'InstanceGroups': [{'InstanceGroupName': 'g',
        'InstanceType': 'ml.t3.medium', 'InstanceCount': 1, 'ExecutionRole': 'arn:aws:iam::123456789012:role/x',
        'LifeCycleConfig': {'SourceS3Uri': 's3://b/l', 'OnCreate': 'on_create.sh'}}]})
    times.append((time.perf_counter() - t) * 1000)
    assert s == 200, s
print(json.dumps({'calls': n, 'median_ms': round(statistics.median(times), 2), 'p90_ms': round(sorted(times)[int(n*0.9)], 2)}))
