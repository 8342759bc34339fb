#!/usr/bin/env bash
# Builds a Java 17 runtime image from Debian packages, for machines that cannot reach an image registry.
# Usage: docker/build-base-image.sh [image name]   (default: capacity-emulator-jre:17). Needs root, debootstrap.
set -euo pipefail
name="${1:-capacity-emulator-jre:17}"
if docker image inspect "$name" >/dev/null 2>&1; then
  echo "$name exists"
  exit 0
fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root"
# Keep the image small: no package caches, docs or locales are needed to run a JVM.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
tar -C "$root" -c . | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$name"
echo "built $name"
