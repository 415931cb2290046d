package io.github.structuredlogging.benchmarks.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints min, median and max of the forks' means (medians, for sample-time benchmarks) for
 * every benchmark in JMH JSON result files: the spread over repeated runs, which JMH's own
 * mean ± error does not show.
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar io.github.structuredlogging.benchmarks.jmh.ResultSummary benchmarks/results/*.json</pre>
 */
public final class ResultSummary {

	private ResultSummary() {
	}

	public static void main(String[] args) throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		System.out.printf("%-70s %6s %14s %14s %14s  %s%n", "Benchmark (file)", "forks", "min", "median", "max",
				"unit");
		for (String file : args) {
			for (JsonNode result : mapper.readTree(Files.readString(Path.of(file)))) {
				List<Double> forkMeans = new ArrayList<>();
				for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
					double sum = 0;
					for (JsonNode iteration : fork) {
						sum += iteration.asDouble();
					}
					forkMeans.add(sum / fork.size());
				}
				// Sample mode keeps histograms: each fork's median instead of its mean.
				for (JsonNode fork : result.path("primaryMetric").path("rawDataHistogram")) {
					forkMeans.add(forkMedian(fork));
				}
				forkMeans.sort(null);
				String name = result.path("benchmark").asString().replaceAll(".*\\.", "") + params(result) + " ("
						+ Path.of(file).getFileName() + ", " + result.path("threads").asInt() + "t)";
				System.out.printf(Locale.ROOT, "%-70s %6d %14.3f %14.3f %14.3f  %s%n", name, forkMeans.size(),
						forkMeans.get(0), median(forkMeans), forkMeans.get(forkMeans.size() - 1),
						result.path("primaryMetric").path("scoreUnit").asString());
			}
		}
	}

	private static String params(JsonNode result) {
		JsonNode params = result.path("params");
		if (params.isMissingNode() || params.isEmpty()) {
			return "";
		}
		List<String> values = new ArrayList<>();
		params.properties().forEach((entry) -> values.add(entry.getKey() + "=" + entry.getValue().asString()));
		return values.toString();
	}

	private static double forkMedian(JsonNode iterations) {
		List<double[]> counts = new ArrayList<>();
		long total = 0;
		for (JsonNode iteration : iterations) {
			for (JsonNode bucket : iteration) {
				counts.add(new double[] { bucket.get(0).asDouble(), bucket.get(1).asDouble() });
				total += bucket.get(1).asLong();
			}
		}
		counts.sort((a, b) -> Double.compare(a[0], b[0]));
		double seen = 0;
		for (double[] bucket : counts) {
			seen += bucket[1];
			if (seen >= total / 2.0) {
				return bucket[0];
			}
		}
		return Double.NaN;
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
