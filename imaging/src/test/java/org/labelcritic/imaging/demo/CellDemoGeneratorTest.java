package org.labelcritic.imaging.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.cells.DigitReaders;
import org.labelcritic.model.LabelCriticException;

class CellDemoGeneratorTest {
  /** Relative to the imaging module, which is Surefire's working directory. */
  static final Path MNIST = Path.of("../resources/demo/cells/mnist-digits");

  /** The seed the app's demo installer uses (DemoInstaller.CELL_SEED). */
  static final long SEED = 20_261_129L;

  /** The transcriptions the demo ships, which a rebuild must reproduce byte for byte. */
  static final Path SHIPPED = Path.of("../resources/demo/cells/generated");

  @TempDir static Path shared;
  static Path demo;
  static CellDemoSummary summary;
  static CellDemoCsv csv;

  /** One full rebuild of the demo (trains both models: the slow part, done once here). */
  @BeforeAll
  static void generateDefaultDemo() throws Exception {
    demo = shared.resolve("demo");
    summary = CellDemoGenerator.generate(MNIST, demo, CellDemoGenerator.DEFAULT_CELLS, SEED);
    csv = CellDemoCsv.read(demo);
  }

  @Test
  void aRebuildReproducesTheShippedTranscriptionsByteForByte() throws Exception {
    Map<String, String> rebuilt = hashes(demo);
    for (String f :
        List.of("manifest.csv", "truth.csv", "codes.csv", "seen-codes.txt", "models.txt")) {
      assertThat(rebuilt.get(f)).as(f).isNotNull().isEqualTo(hash(SHIPPED.resolve(f)));
    }
  }

  @Test
  void composingOnlyTheImagesWritesTheSameImagesAsAFullRebuild(@TempDir Path tmp) throws Exception {
    CellDemoSummary images =
        CellDemoGenerator.composeImages(MNIST, tmp, CellDemoGenerator.DEFAULT_CELLS, SEED);

    Map<String, String> composed = hashes(tmp);
    Map<String, String> rebuiltImages = new TreeMap<>(hashes(demo));
    rebuiltImages.keySet().removeIf(f -> !f.endsWith(".png"));
    assertThat(composed).isEqualTo(rebuiltImages).hasSize(summary.cellImages() + summary.pages());
    assertThat(images.manifestRows()).isZero();
  }

  @Test
  void manifestHasTheFixedHeaderAndOneRowPerSourceAndCell() throws IOException {
    List<String> lines = Files.readAllLines(demo.resolve("manifest.csv"), StandardCharsets.UTF_8);

    assertThat(lines.getFirst())
        .isEqualTo("item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences");
    assertThat(lines).hasSize(1 + 2 * 5000);
    assertThat(summary.manifestRows()).isEqualTo(10_000);
    assertThat(csv.rows()).allSatisfy(r -> assertThat(r.fields()).hasSize(11));
    assertThat(csv.rows().stream().map(CellDemoCsv.Row::source).distinct())
        .containsExactly(DigitReaders.LOGISTIC, DigitReaders.FACTORIZATION_MACHINE);
    assertThat(csv.truth()).hasSize(5000);
  }

  @Test
  void everyReferencedImageExistsWithTheExpectedSize() throws IOException {
    int pageRows = 0;
    int n = 0;
    for (CellDemoCsv.Row row : csv.rows()) {
      if (n++ % 7 != 0 && !row.image().isEmpty()) {
        continue; // every 7th cell image, and every page row
      }
      boolean onPage = row.image().isEmpty();
      assertThat(onPage).as("exactly one of image and page").isEqualTo(!row.page().isEmpty());
      Path file = demo.resolve(onPage ? row.page() : row.image());
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image).as(file.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(onPage ? FormPageLayout.WIDTH : CellComposer.WIDTH);
      assertThat(image.getHeight()).isEqualTo(onPage ? FormPageLayout.HEIGHT : CellComposer.HEIGHT);
      pageRows += onPage ? 1 : 0;
    }
    assertThat(pageRows / 2).isEqualTo(summary.pageCells()).isEqualTo(500);
    assertThat(summary.pages()).isEqualTo(21);
    // 15,000 digits from 70 % of about 10,000 tiles: each class is used about twice, in other
    // places, gaps and ink.
    assertThat(summary.reusedTileRounds()).isBetween(10, 30);
  }

  @Test
  void pageBoxesLieInsideTheirPageAndDoNotOverlap() {
    List<CellDemoCsv.Row> onPages = csv.rows().stream().filter(r -> !r.page().isEmpty()).toList();
    assertThat(onPages).isNotEmpty();
    for (CellDemoCsv.Row r : onPages) {
      assertThat(r.x()).isNotNegative();
      assertThat(r.y()).isNotNegative();
      assertThat(r.x() + r.w()).isLessThanOrEqualTo(FormPageLayout.WIDTH);
      assertThat(r.y() + r.h()).isLessThanOrEqualTo(FormPageLayout.HEIGHT);
      assertThat(List.of(r.w(), r.h())).containsExactly(CellComposer.WIDTH, CellComposer.HEIGHT);
    }
    long distinctBoxes =
        onPages.stream().map(r -> r.page() + "@" + r.x() + "," + r.y()).distinct().count();
    assertThat(distinctBoxes).isEqualTo(onPages.size() / 2);
  }

  @Test
  void codeFrequenciesAreSkewedFewCommonManyRare() {
    Map<String, Long> counts = csv.truthCodeCounts();
    List<Long> sorted = counts.values().stream().sorted((x, y) -> Long.compare(y, x)).toList();
    long topFive = sorted.stream().limit(5).mapToLong(Long::longValue).sum();
    long seenOnce = sorted.stream().filter(n -> n == 1).count();

    assertThat(sorted.getFirst()).as("most common code").isGreaterThanOrEqualTo(500);
    assertThat(topFive).as("top five codes").isGreaterThan(5000 / 3);
    assertThat(seenOnce).as("codes seen once").isGreaterThan(10);
    assertThat(csv.codeList()).hasSize(300).containsKeys(counts.keySet().toArray(String[]::new));
  }

  @Test
  void theTrainedModelsReadMostDigitsTheFactorizationMachineBetterAndRareCodesWorse() {
    double linear = csv.digitErrorRate(DigitReaders.LOGISTIC);
    double fm = csv.digitErrorRate(DigitReaders.FACTORIZATION_MACHINE);

    assertThat(linear).isBetween(0.03, 0.15);
    assertThat(fm).isBetween(0.02, 0.10).isLessThan(linear);
    assertThat(csv.errorRateOnCodesSeenAtMost(20))
        .isGreaterThan(csv.errorRateOnCodesSeenMoreThan(20));
    assertThat(summary.trainingDigits()).isEqualTo(3 * CellDemoGenerator.TRAINING_CELLS);
  }

  @Test
  void theTrainingCodesAreTheCommonCodesAndLeaveSomeRareOnesOut() throws IOException {
    List<String> seen = Files.readAllLines(demo.resolve("seen-codes.txt"));
    String mostCommon =
        csv.truthCodeCounts().entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .orElseThrow()
            .getKey();

    assertThat(seen).contains(mostCommon).hasSizeBetween(150, 299);
    assertThat(csv.codeList().keySet()).containsAll(seen);
  }

  @Test
  void confidenceIsTheProductOfFourDecimalDigitConfidencesAndWrongDigitsAreNotAlwaysLow() {
    int wrongAboveThreshold = 0;
    for (CellDemoCsv.Row r : csv.rows()) {
      String[] parts = r.digitConfidences().split(";");
      assertThat(parts).hasSize(3).allMatch(p -> p.matches("0\\.\\d{4}|1\\.0000"));
      double product = 1;
      for (String p : parts) {
        product *= Double.parseDouble(p);
      }
      assertThat(r.confidence()).isEqualTo(ManifestRow.decimal4(product));
      String truth = csv.truth().get(r.itemId());
      for (int i = 0; i < 3; i++) {
        if (r.code().charAt(i) != truth.charAt(i) && Double.parseDouble(parts[i]) > 0.65) {
          wrongAboveThreshold++;
        }
      }
    }
    assertThat(wrongAboveThreshold).isPositive();
  }

  @Test
  void missingSpriteSheetIsReportedWithItsFileName(@TempDir Path tmp) throws IOException {
    copySheetsExcept(tmp, "digit-3.png");

    assertThatThrownBy(() -> CellDemoGenerator.generate(tmp, tmp.resolve("out"), 10, 1L))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("digit-3.png")
        .hasMessageContaining("missing");
  }

  @Test
  void brokenSpriteSheetIsReportedWithItsFileName(@TempDir Path tmp) throws IOException {
    copySheetsExcept(tmp, "digit-5.png");
    Files.writeString(tmp.resolve("digit-5.png"), "not a png");

    assertThatThrownBy(() -> CellDemoGenerator.generate(tmp, tmp.resolve("out"), 10, 1L))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("digit-5.png")
        .hasMessageContaining("not a readable PNG");
  }

  @Test
  void truncatedSpriteSheetIsReportedWithItsSize(@TempDir Path tmp) throws IOException {
    copySheetsExcept(tmp, "digit-1.png");
    ImageIO.write(
        new BufferedImage(1120, 280, BufferedImage.TYPE_BYTE_GRAY),
        "png",
        tmp.resolve("digit-1.png").toFile());

    assertThatThrownBy(() -> CellDemoGenerator.generate(tmp, tmp.resolve("out"), 10, 1L))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("digit-1.png")
        .hasMessageContaining("1120x280");
  }

  @Test
  void cellCountOutOfRangeIsRefused(@TempDir Path tmp) {
    assertThatThrownBy(() -> CellDemoGenerator.generate(MNIST, tmp, 0, 1L))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("between 1 and");
  }

  private static void copySheetsExcept(Path target, String left) throws IOException {
    for (int d = 0; d < 10; d++) {
      String name = "digit-" + d + ".png";
      if (!name.equals(left)) {
        Files.copy(MNIST.resolve(name), target.resolve(name));
      }
    }
  }

  private static String hash(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static Map<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        result.put(
            dir.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
      }
    }
    return result;
  }
}
