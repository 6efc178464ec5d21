#!/usr/bin/env bash
# Runs the Annals Spark job in local mode, with the Spark that Maven resolved, for users without a
# cluster and for tests. Same arguments as on a cluster:
#   spark/run-local.sh --input PATHS | --input-list FILE [--input-prefix URI] --output DIR
#                      [--published YYYY-MM-DD] [--from D --to D]
#   spark/run-local.sh bench --input PATH [--published D] [--runs N]   (job against ingest + export)
# Builds the job jar on first use (or after a source change). ANNALS_SPARK_MASTER (default local[*])
# and ANNALS_HEAP (default 4g: the driver is also the executor here) tune the run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/annals-spark.jar"
lib="$here/target/spark-lib"

stale() {
  [ ! -f "$jar" ] || [ ! -d "$lib" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/core" "$root/nlp" "$root/store" "$root/cli" "$root/model" "$root/lexicon" "$root/gazetteer/data" "$here" \
      -newer "$jar" \( -name '*.java' -o -name 'pom.xml' -o -name '*.tsv' -o -name '*.txt' -o -name '*.gz' -o -name '*.bin' \) \
      -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}

if stale; then
  echo "annals-spark: building the job jar (the first build downloads Spark and the CoreNLP models) ..." >&2
  if ! command -v java >/dev/null 2>&1; then
    echo "annals-spark: Java is not installed; install a JDK 17+, then try again" >&2
    exit 1
  fi
  (cd "$root" && ./mvnw -q -B -ntp -Dstyle.color=never -DskipTests -Dspotless.check.skip=true -pl spark -am install) >&2 || {
    echo "annals-spark: the build failed; run './mvnw -B -DskipTests -pl spark -am install' to see why" >&2
    exit 1
  }
  touch "$jar"
fi

# Spark on Java 17 needs these packages open, as spark-submit opens them.
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)

main=org.annals.spark.AnnalsJob
if [ "${1:-}" = bench ]; then
  main=org.annals.spark.JobBench
  shift
fi

exec java -Xmx"${ANNALS_HEAP:-4g}" "${opens[@]}" \
  -Dspark.master="${ANNALS_SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false \
  -Dlog4j2.configurationFile="$here/log4j2-local.properties" \
  ${ANNALS_JAVA_OPTS:-} -cp "$jar:$lib/*" "$main" "$@"
