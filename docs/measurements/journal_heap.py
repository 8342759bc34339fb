"""1,000 rejected DescribeCluster requests of ~61 KiB ({"ClusterName":[{},{},...]}) against an emulator; then health."""
import sys, http.client, json
port = int(sys.argv[1])
body = '{"ClusterName":[' + ','.join(['{}'] * 21000) + ']}'
codes = {}
for i in range(1000):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    c.request('POST', '/', body=body, headers={'X-Amz-Target': 'SageMaker.DescribeCluster',
              'Content-Type': 'application/x-amz-json-1.1'})
    r = c.getresponse(); r.read(); codes[r.status] = codes.get(r.status, 0) + 1
c = http.client.HTTPConnection('127.0.0.1', port, timeout=10); c.request('GET', '/_emulator/health')
print(json.dumps({'body_bytes': len(body), 'answers': codes, 'health': c.getresponse().status}))
