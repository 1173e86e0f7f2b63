#!/usr/bin/env bash
# Measures dkim4j against the limit (SHA-256 plus one key operation) and the Java peers (Apache
# jDKIM, Simple Java Mail) in one JMH run, then dkim4j taking turns with the limit (InTurn) and
# with jDKIM (PeerInTurn), each in five JVMs, and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh            # about twenty-five minutes: one fork, short iterations
#   benchmarks/run.sh --long     # about an hour and a half: three forks, longer iterations
#   benchmarks/run.sh --forks 3  # short iterations in three JVMs each: about 45 minutes
#   benchmarks/run.sh --rounds 3 # the suite three times over, medians: about 45 minutes
#   benchmarks/run.sh --out FILE # write the report elsewhere
#
# Builds dkim-core and the benchmarks (without running tests, and without installing anything),
# then runs org.dkim4j.benchmarks.Report. Other JMH benchmarks run as usual with
# java -jar benchmarks/target/benchmarks.jar [JMH options].
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package -pl benchmarks -am
exec java -cp benchmarks/target/benchmarks.jar org.dkim4j.benchmarks.Report "$@"
