#!/usr/bin/env bash
# The runtime dependency footprint of each SDK module and of OpenAPI Generator's stock clients:
# jars (the module's own included) and their total size, from `mvn dependency:list` (runtime scope).
# Usage, from the repository root:  bash bench/footprint.sh   (writes bench/target/footprint.md)
# The stock clients' POMs are the ones OpenAPI Generator writes beside their sources in the bench build,
# so run `mvn -pl bench -am package -DskipTests -Dinvoker.skip` first; their libraries download once.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/target/footprint.md
modules=(sdk-core sdk-async sdk-kafka sdk-async-kafka codegen/sogno-platform-client)
list_args=(dependency:list -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile=target/runtime-deps.txt)

# SDK modules: package them (reactor jars, not classes folders) and list their runtime dependencies.
mvn -B -ntp -q -pl "$(IFS=,; echo "${modules[*]}")" -am package -Dmaven.test.skip=true -Dinvoker.skip "${list_args[@]}" >/dev/null

# Stock clients: their generated POMs, plus a jar of their generated classes from the bench build.
stock=(stock-okhttp-gson:okhttpgson stock-native:nativeclient)
for entry in "${stock[@]}"; do
  dir=bench/target/generated-sources/${entry%%:*}
  mvn -B -ntp -q -f "$dir/pom.xml" "${list_args[@]}" >/dev/null
  (cd bench/target/classes && jar cf "../../../$dir/target/client.jar" "org/lfenergy/sogno/sdk/bench/generated/${entry##*:}")
done
(cd bench/target/classes && jar cf ../sogno-generated-client.jar org/lfenergy/sogno/sdk/bench/generated/sogno)

# Sums one dependency list (plus extra jars); prints "jars total_bytes names".
summarise() {
  local list=$1; shift
  { sed -n 's/ -- module.*//; s/^ *[^ :]*:[^ ]*:\(\/[^ ]*\.jar\)$/\1/p' "$list"; printf '%s\n' "$@"; } |
    while read -r jar; do [ -f "$jar" ] && printf '%s %s\n' "$(stat -c %s "$jar")" "$(basename "$jar" .jar)"; done |
    awk '{ n++; total += $1; names = names (names ? ", " : "") $2 } END { printf "%d|%.2f|%s\n", n, total / 1048576, names }'
}

{
  echo "| runtime class path of | jars | MiB | the jars |"
  echo "|---|---:|---:|---|"
  for module in "${modules[@]}"; do
    own=$(ls "$module"/target/*.jar | grep -v -- '-sources\|-javadoc' | head -1)
    IFS='|' read -r n mib names < <(summarise "$module/target/runtime-deps.txt" "$(realpath "$own")")
    echo "| $(basename "$module") | $n | $mib | $names |"
  done
  sdk_core_own=$(ls sdk-core/target/*.jar | grep -v -- '-sources' | head -1)
  IFS='|' read -r n mib names < <(summarise sdk-core/target/runtime-deps.txt "$(realpath "$sdk_core_own")" "$(realpath bench/target/sogno-generated-client.jar)")
  echo "| **generated SDK client** (bench spec; sdk-core + its code) | $n | $mib | $names |"
  for entry in "${stock[@]}"; do
    dir=bench/target/generated-sources/${entry%%:*}
    IFS='|' read -r n mib names < <(summarise "$dir/target/runtime-deps.txt" "$(realpath "$dir/target/client.jar")")
    echo "| **${entry%%:*}** (bench spec; its generated POM; OpenAPI Generator 7.25.0) | $n | $mib | $names |"
  done
} | tee "$out"
echo "Written to $out"
