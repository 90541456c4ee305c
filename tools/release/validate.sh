#!/usr/bin/env bash
# Validates the packages in a feed folder before they are pushed to nuget.org (the release workflow) or as
# a dry run (.ci/run): every package of the release is there once, at the version of src/Directory.Build.props
# (or of the tag given), with its symbols, README, licence expression, description and authors; the CLI is
# a dotnet tool; and the tool installs globally from the feed into a temporary folder and answers --help.
#   tools/release/validate.sh FEED [TAG] [--require-repository]
# TAG (e.g. v0.1.0) must equal v + the version. --require-repository also requires the repository URL and
# commit in each .nuspec (SourceLink takes them from the `origin` remote; a clone without one has none).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
feed="${1:?usage: validate.sh FEED [TAG] [--require-repository]}"
tag=""; require_repository=0
for arg in "${@:2}"; do
  case "$arg" in
    --require-repository) require_repository=1 ;;
    *) tag="$arg" ;;
  esac
done
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/src/Directory.Build.props")
[ -n "$version" ] || { echo "FAIL: no VersionPrefix in src/Directory.Build.props"; exit 1; }
if [ -n "$tag" ] && [ "$tag" != "v$version" ]; then
  echo "FAIL: tag $tag does not match the version v$version in src/Directory.Build.props"; exit 1
fi
fail=0
nuspec_field() { sed -n "s:.*<$2[^>]*>\(.*\)</$2>.*:\1:p" <<<"$1" | head -1; }
for id in PerfTesting PerfTesting.Xunit PerfTesting.BackingServices PerfTesting.Cli PerfTesting.History; do
  package="$feed/$id.$version.nupkg"; symbols="$feed/$id.$version.snupkg"
  [ -f "$package" ] || { echo "FAIL: $package is missing"; fail=1; continue; }
  [ -f "$symbols" ] || { echo "FAIL: $symbols is missing"; fail=1; }
  nuspec=$(unzip -p "$package" "$id.nuspec")
  for field in id version description authors readme; do
    [ -n "$(nuspec_field "$nuspec" "$field")" ] || { echo "FAIL: $id: <$field> is empty or missing"; fail=1; }
  done
  [ "$(nuspec_field "$nuspec" id)" = "$id" ] || { echo "FAIL: $id: the .nuspec names another id"; fail=1; }
  [ "$(nuspec_field "$nuspec" version)" = "$version" ] || { echo "FAIL: $id: version is not $version"; fail=1; }
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || { echo "FAIL: $id: no MIT licence expression"; fail=1; }
  unzip -l "$package" README.md >/dev/null || { echo "FAIL: $id: README.md is not packed"; fail=1; }
  if [ "$require_repository" = 1 ] && ! grep -Eq '<repository [^>]*url="https?://[^"]+"[^>]*commit="[0-9a-f]{40}"' <<<"$nuspec"; then
    echo "FAIL: $id: no repository URL and commit in the .nuspec (is the origin remote set?)"; fail=1
  fi
  if [ "$id" = PerfTesting.Cli ]; then
    grep -q '<packageType name="DotnetTool"' <<<"$nuspec" || { echo "FAIL: $id is not a dotnet tool package"; fail=1; }
  fi
  echo "valid: $package"
done
[ "$fail" = 0 ] || exit 1

# The install line of the README and the CLI's package README, against this feed instead of nuget.org.
tools="$(mktemp -d)"; trap 'rm -rf "$tools"' EXIT
NUGET_PACKAGES="$tools/packages" dotnet tool install PerfTesting.Cli --version "$version" --tool-path "$tools/bin" \
  --add-source "$feed" >/dev/null
"$tools/bin/perftest" --help | grep -q "accept" || { echo "FAIL: perftest --help does not list its verbs"; exit 1; }
echo "valid: perftest $version installs from $feed and answers --help"
