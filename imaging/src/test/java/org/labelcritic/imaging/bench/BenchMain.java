package org.labelcritic.imaging.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import org.labelcritic.imaging.critic.bench.FeatureCriticBenchmark;
import org.labelcritic.imaging.dicom.bench.DicomSeriesLoadBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.slf4j.LoggerFactory;

/**
 * Runs the imaging module's benchmarks and prints the figures the issues ask for, each with its
 * target: NIfTI load time and its ratio to a plain gzip read of the same file, DICOM series load
 * time and its ratio to plain reads of the same files, one rendered axial slice with three
 * overlays, Dice + HD95 time on CT-sized masks, and the heap of a CT with 30 candidate masks
 * against the CT's own bytes. Writes the table to target/benchmarks-imaging.md as well, with the
 * load average seen at the end (the figures are only as quiet as the machine was).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    MaskHeapFootprint heap = MaskHeapFootprint.measure();
    Options opts =
        new OptionsBuilder()
            .include(NiftiLoadBenchmark.class.getName())
            .include(DicomSeriesLoadBenchmark.class.getName())
            .include(SliceRenderBenchmark.class.getName())
            .include(MaskMetricsBenchmark.class.getName())
            .include(FeatureCriticBenchmark.class.getName())
            .build();
    Collection<RunResult> results = new Runner(opts).run();
    double load = score(results, "niftiLoad");
    double gzip = score(results, "plainGzipRead");
    double dicom = score(results, "dicomSeriesLoad");
    double plainReads = score(results, "plainFileReads");
    double render = score(results, "renderAxial");
    double renderBounded = score(results, "renderAxialBounded");
    double metrics = score(results, "diceAndHd95");
    double scan1 = score(results, "scanOneThread");
    double scan2 = score(results, "scanTwoThreads");
    double onnx = score(results, "onnxScoring");
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "### imaging (%s, %d cores, load average %.2f)%n%n"
                + "| benchmark | result | target |%n|---|---|---|%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    md.append(row("demo CT 122x101x112 int32 .nii.gz -> Volume", ms(load), "-"));
    md.append(row("plain GZIPInputStream read of the same file (baseline)", ms(gzip), "-"));
    md.append(
        row(
            "NIfTI load / baseline",
            String.format(Locale.ROOT, "%.2f x", load / gzip),
            "<= 1.3 x"));
    md.append(row("512x512x300 int16 uncompressed DICOM series -> Volume", ms(dicom), "-"));
    md.append(row("plain reads of the same 300 files' bytes (baseline)", ms(plainReads), "-"));
    md.append(
        row(
            "DICOM series load / baseline",
            String.format(Locale.ROOT, "%.2f x", dicom / plainReads),
            "<= 1.5 x"));
    md.append(
        row(
            "render 512x512 axial slice, window/level + 3 overlays (`BinaryMask::get`)",
            ms2(render),
            "-"));
    md.append(
        row(
            "the same, overlays with their bounding boxes (`MaskSampler.within`)",
            ms2(renderBounded),
            "<= 3 ms"));
    md.append(row("Dice + HD95, two 512x512x300 ellipsoid masks", ms(metrics), "<= 150 ms"));
    md.append(
        row(
            "feature critic, 512x512x300 CT, 9 structures x 2 sources (features + gate + ONNX),"
                + " one thread",
            ms(scan1),
            "-"));
    md.append(
        row("the same, structures on two threads (the worker's pool)", ms(scan2), "<= 3000 ms"));
    md.append(
        row(
            "ONNX pair model, CPU, batches of " + FeatureCriticBenchmark.ROWS + " rows",
            String.format(
                Locale.ROOT, "%,.0f pairs/s", FeatureCriticBenchmark.ROWS / (onnx / 1000)),
            ">= 50,000 pairs/s"));
    md.append(row("512x512x300 int16 CT, bytes", mib(heap.ctBytes()), "-"));
    md.append(
        row(
            "30 candidate masks, bytes (counted)",
            mib(heap.maskBytes())
                + String.format(
                    Locale.ROOT, " = %.3f x CT", (double) heap.maskBytes() / heap.ctBytes()),
            "-"));
    md.append(
        row(
            "CT + 30 masks, heap measured after GC",
            mib(heap.measuredBytes())
                + String.format(
                    Locale.ROOT, " = %.3f x CT", (double) heap.measuredBytes() / heap.ctBytes()),
            "<= 2 x CT"));
    String text = md.toString();
    LoggerFactory.getLogger(BenchMain.class).info("\n{}", text);
    Path out = Path.of("target", "benchmarks-imaging.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f ms", v);
  }

  private static String ms2(double v) {
    return String.format(Locale.ROOT, "%.2f ms", v);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d bytes (%.1f MiB)", bytes, bytes / 1048576.0);
  }

  private static String row(String a, String b, String c) {
    return "| " + a + " | " + b + " | " + c + " |\n";
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method))
        .getPrimaryResult()
        .getScore();
  }
}
