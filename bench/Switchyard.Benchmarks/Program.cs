using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Switchyard.Benchmarks.WorkflowBenchmarks).Assembly).Run(args);
