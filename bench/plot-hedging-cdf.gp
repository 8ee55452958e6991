# The hedging experiment's latency distributions, as "fraction of requests slower than x" on log-log axes, one curve
# per variant: one call, three at once, hedged after the backend's p90 and after its p95.
#   gnuplot -c bench/plot-hedging-cdf.gp <hedging-cdf.csv> <out.png>
# The CSV: variant,percentile,latency_ms with a header line (written by Switchyard.LoadBench --hedging).
if (strstrt(GPVAL_TERMINALS, "pngcairo") > 0) {
  set terminal pngcairo size 960,600 font ",11"
} else {
  set terminal png size 960,600
}
set output ARG2
set datafile separator ","
set title "Switchyard hedged calls against a heavy-tail backend (90% 5 ms, 9% 50 ms, 1% 500 ms)"
set logscale xy
set xlabel "latency (ms)"
set ylabel "fraction of requests slower"
set xrange [1:1000]
set yrange [0.0001:1]
set ytics ("100%%" 1, "10%%" 0.1, "1%%" 0.01, "0.1%%" 0.001, "0.01%%" 0.0001)
set grid xtics ytics mxtics
set key top right
variants = "one-call all-at-once hedged-p90 hedged-p95"
titles = "'1 call' '3 calls at once' '3 hedged, delay = backend p90' '3 hedged, delay = backend p95'"
plot for [i=1:words(variants)] ARG1 skip 1 using (strcol(1) eq word(variants, i) ? $3 : 1/0):(1 - $2 / 100) \
  with steps linewidth 2 title word(titles, i)
