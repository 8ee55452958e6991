# The concurrent-calls latency distribution, as "fraction of requests slower than x" on log-log axes: the tail
# (the 1% and 0.1% of slow requests that concurrent_calls is for) gets as much room as the median.
#   gnuplot -c bench/plot-cdf.gp <concurrent-calls-cdf.csv> <out.png>
# The CSV: concurrent_calls,percentile,latency_ms with a header line; one curve per concurrent_calls value.
if (strstrt(GPVAL_TERMINALS, "pngcairo") > 0) {
  set terminal pngcairo size 960,600 font ",11"
} else {
  set terminal png size 960,600
}
set output ARG2
set datafile separator ","
set title "Switchyard concurrent\\_calls against a heavy-tail backend (90% 5 ms, 9% 50 ms, 1% 500 ms)"
set logscale xy
set xlabel "latency (ms)"
set ylabel "fraction of requests slower"
set xrange [1:1000]
set yrange [0.0001:1]
set ytics ("100%%" 1, "10%%" 0.1, "1%%" 0.01, "0.1%%" 0.001, "0.01%%" 0.0001)
set grid xtics ytics mxtics
set key top right
plot for [n=1:3] ARG1 skip 1 using ($1 == n ? $3 : 1/0):(1 - $2 / 100) with steps linewidth 2 \
  title sprintf("concurrent\\_calls %d", n)
