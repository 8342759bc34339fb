"""--require-signature seen from the clients users have: boto3, the AWS CLI, curl --aws-sigv4 and the JS v3 SDK."""
import json
import os
import pathlib
import shutil
import subprocess
import urllib.error
import urllib.request

import boto3
import botocore.exceptions
import pytest

MISMATCH = ("The request signature we calculated does not match the signature you provided. Check your AWS Secret"
            " Access Key and signing method. Consult the service documentation for details.")
JS_DIR = pathlib.Path(__file__).resolve().parent / "js"
CLUSTER = {"ClusterName": "signed", "InstanceGroups": [{
    "InstanceGroupName": "g", "InstanceType": "ml.t3.medium", "InstanceCount": 1,
    "ExecutionRole": "arn:aws:iam::123456789012:role/x",
    "LifeCycleConfig": {"SourceS3Uri": "s3://b/l", "OnCreate": "on_create.sh"}}]}


def client(endpoint, key="AKIDSTRICT", secret="strict-secret", region="us-east-1"):
    return boto3.client("sagemaker", endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key=secret)


def cluster_names(endpoint):
    return [c["ClusterName"] for c in client(endpoint).list_clusters()["ClusterSummaries"]]


def test_boto3_with_a_known_key_passes_and_acts_as_its_account(strict_emulator):
    sm = client(strict_emulator.endpoint)
    arn = sm.create_cluster(**CLUSTER)["ClusterArn"]
    assert arn.startswith("arn:aws:sagemaker:us-east-1:444455556666:cluster/")
    pages = list(sm.get_paginator("list_clusters").paginate())
    assert [c["ClusterName"] for p in pages for c in p["ClusterSummaries"]] == ["signed"]
    other = client(strict_emulator.endpoint, "111122223333", "other-secret", "eu-west-1")
    assert other.list_clusters()["ClusterSummaries"] == []


@pytest.mark.parametrize("key,secret,code,message", [
    ("AKIDSTRICT", "wrong-secret", "InvalidSignatureException", MISMATCH),
    ("AKIDNOBODY", "strict-secret", "UnrecognizedClientException",
     "The security token included in the request is invalid."),
])
def test_boto3_with_a_wrong_key_or_secret_is_refused_and_changes_nothing(strict_emulator, key, secret, code, message):
    before = cluster_names(strict_emulator.endpoint)
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        client(strict_emulator.endpoint, key, secret).create_cluster(**dict(CLUSTER, ClusterName="intruder"))
    assert refused.value.response["Error"]["Code"] == code
    assert refused.value.response["Error"]["Message"] == message
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert cluster_names(strict_emulator.endpoint) == before


def cli(endpoint, *args, key="AKIDSTRICT", secret="strict-secret"):
    env = dict(os.environ, AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret, AWS_DEFAULT_REGION="us-east-1")
    env.pop("AWS_SESSION_TOKEN", None)
    env.pop("AWS_PROFILE", None)
    return subprocess.run(["aws", "--endpoint-url", endpoint, "sagemaker", *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_the_aws_cli_signs_right_and_is_refused_with_a_wrong_secret(strict_emulator):
    listed = cli(strict_emulator.endpoint, "list-clusters")
    assert listed.returncode == 0, listed.stderr
    assert "ClusterSummaries" in json.loads(listed.stdout)
    refused = cli(strict_emulator.endpoint, "list-clusters", secret="wrong-secret")
    assert refused.returncode != 0
    assert "(InvalidSignatureException)" in refused.stderr and MISMATCH in refused.stderr


def curl(endpoint, *args):
    done = subprocess.run(["curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-X", "POST", endpoint + "/",
                           "-H", "Content-Type: application/x-amz-json-1.1",
                           "-H", "X-Amz-Target: SageMaker.ListClusters", "-d", "{}", *args],
                          capture_output=True, text=True, timeout=60)
    body, _, status = done.stdout.rpartition("\n")
    return int(status), body


def test_a_hand_signed_curl_request_passes(strict_emulator):
    status, body = curl(strict_emulator.endpoint, "--aws-sigv4", "aws:amz:us-east-1:sagemaker",
                        "--user", "AKIDSTRICT:strict-secret")
    assert status == 200, body
    assert "ClusterSummaries" in json.loads(body)
    status, body = curl(strict_emulator.endpoint, "--aws-sigv4", "aws:amz:us-east-1:sagemaker",
                        "--user", "AKIDSTRICT:not-it")
    assert (status, json.loads(body)["__type"]) == (400, "InvalidSignatureException")


def test_an_unsigned_request_is_missing_its_token(strict_emulator):
    status, body = curl(strict_emulator.endpoint)
    assert status == 403
    assert json.loads(body) == {"__type": "MissingAuthenticationTokenException", "message": "Missing Authentication Token"}


def test_the_js_v3_sdk_signs_right(strict_emulator):
    script = JS_DIR / "list-clusters.mjs"
    if not (JS_DIR / "node_modules" / "@aws-sdk" / "client-sagemaker").is_dir():
        if os.environ.get("REQUIRE_JS_SDK") == "1":
            pytest.fail(f"@aws-sdk/client-sagemaker is not installed in {JS_DIR}: run npm ci there")
        pytest.skip(f"@aws-sdk/client-sagemaker is not installed in {JS_DIR} (npm ci there to run this)")
    assert shutil.which("node"), "node is needed for the JS SDK test"
    if "signed" not in cluster_names(strict_emulator.endpoint):
        client(strict_emulator.endpoint).create_cluster(**CLUSTER)
    ok = subprocess.run(["node", str(script), strict_emulator.endpoint, "AKIDSTRICT", "strict-secret"],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["clusters"] == cluster_names(strict_emulator.endpoint)
    assert "signed" in json.loads(ok.stdout)["clusters"]
    refused = subprocess.run(["node", str(script), strict_emulator.endpoint, "AKIDSTRICT", "wrong-secret"],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1
    assert json.loads(refused.stdout) == {"error": "InvalidSignatureException", "message": MISMATCH, "status": 400}


def admin(endpoint, path, token=None, method="GET", body=None):
    request = urllib.request.Request(endpoint + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_admin_api_needs_its_token_but_health(strict_emulator):
    assert admin(strict_emulator.endpoint, "/_emulator/health")[0] == 200
    before = admin(strict_emulator.endpoint, "/_emulator/clock", token="admin-secret")
    assert before[0] == 200
    status, body = admin(strict_emulator.endpoint, "/_emulator/clock/advance", method="POST", body={"seconds": 60})
    assert status == 401 and "Bearer" in body["error"]
    assert admin(strict_emulator.endpoint, "/_emulator/clock/advance", token="nope", method="POST",
                 body={"seconds": 60})[0] == 401
    assert admin(strict_emulator.endpoint, "/_emulator/clock", token="admin-secret") == before, "a refused advance moved the clock"
    assert admin(strict_emulator.endpoint, "/_emulator/clock/advance", token="admin-secret", method="POST",
                 body={"seconds": 60})[1]["now"] != before[1]["now"]
