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
import org.labelcritic.model.LabelCriticException;

class CellDemoGeneratorTest {
  /** Relative to the imaging module, which is Surefire's working directory. */
  static final Path MNIST = Path.of("../resources/demo/cells/mnist-digits");

  static final long SEED = 20_240_611L;

  @TempDir static Path shared;
  static Path demo;
  static CellDemoSummary summary;
  static CellDemoCsv csv;

  @BeforeAll
  static void generateDefaultDemo() throws Exception {
    demo = shared.resolve("demo");
    summary = CellDemoGenerator.generate(MNIST, demo, CellDemoGenerator.DEFAULT_CELLS, SEED);
    csv = CellDemoCsv.read(demo);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path tmp) throws Exception {
    CellDemoGenerator.generate(MNIST, tmp.resolve("a"), 120, 7L);
    CellDemoGenerator.generate(MNIST, tmp.resolve("b"), 120, 7L);
    CellDemoGenerator.generate(MNIST, tmp.resolve("c"), 120, 8L);

    Map<String, String> a = hashes(tmp.resolve("a"));
    assertThat(a).containsKeys("manifest.csv", "truth.csv", "codes.csv", "pages/page-01.png");
    assertThat(a.keySet()).anyMatch(f -> f.startsWith("cells/"));
    assertThat(hashes(tmp.resolve("b"))).isEqualTo(a);
    Map<String, String> c = hashes(tmp.resolve("c"));
    assertThat(c.get("manifest.csv")).isNotEqualTo(a.get("manifest.csv"));
    assertThat(c.get("codes.csv")).as("the code list is fixed").isEqualTo(a.get("codes.csv"));
  }

  @Test
  void manifestHasTheFixedHeaderAndOneRowPerSourceAndCell() throws IOException {
    List<String> lines = Files.readAllLines(demo.resolve("manifest.csv"), StandardCharsets.UTF_8);

    assertThat(lines.getFirst())
        .isEqualTo("item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences");
    assertThat(lines).hasSize(1 + 2 * 500);
    assertThat(summary.manifestRows()).isEqualTo(1000);
    assertThat(csv.rows()).allSatisfy(r -> assertThat(r.fields()).hasSize(11));
    assertThat(csv.rows().stream().map(CellDemoCsv.Row::source).distinct())
        .containsExactly(CellDemoGenerator.READER_A, CellDemoGenerator.READER_B);
    assertThat(csv.truth()).hasSize(500);
  }

  @Test
  void everyReferencedImageExistsWithTheExpectedSize() throws IOException {
    int pageRows = 0;
    for (CellDemoCsv.Row row : csv.rows()) {
      boolean onPage = row.image().isEmpty();
      assertThat(onPage).as("exactly one of image and page").isEqualTo(!row.page().isEmpty());
      Path file = demo.resolve(onPage ? row.page() : row.image());
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image).as(file.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(onPage ? FormPageLayout.WIDTH : CellComposer.WIDTH);
      assertThat(image.getHeight()).isEqualTo(onPage ? FormPageLayout.HEIGHT : CellComposer.HEIGHT);
      pageRows += onPage ? 1 : 0;
    }
    assertThat(pageRows / 2).isEqualTo(summary.pageCells()).isEqualTo(50);
    assertThat(summary.pages()).isEqualTo(3);
    assertThat(summary.reusedTileRounds()).isZero();
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

    assertThat(sorted.getFirst()).as("most common code").isGreaterThanOrEqualTo(50);
    assertThat(topFive).as("top five codes").isGreaterThan(500 / 3);
    assertThat(seenOnce).as("codes seen once").isGreaterThan(40);
    assertThat(csv.codeList()).hasSize(300).containsKeys(counts.keySet().toArray(String[]::new));
  }

  @Test
  void placeholderReadersMakeAboutTheirShareOfDigitErrorsMostlyOnRareCodes() {
    double a = csv.digitErrorRate(CellDemoGenerator.READER_A);
    double b = csv.digitErrorRate(CellDemoGenerator.READER_B);

    assertThat(a).isBetween(0.015, 0.05);
    assertThat(b).isBetween(0.04, 0.09).isGreaterThan(a);
    assertThat(csv.errorRateOnCodesSeenAtMost(5))
        .isGreaterThan(csv.errorRateOnCodesSeenMoreThan(5));
  }

  @Test
  void confidenceIsTheProductOfFourDecimalDigitConfidencesAndWrongDigitsAreNotAlwaysLow() {
    int wrongAboveThreshold = 0;
    for (CellDemoCsv.Row r : csv.rows()) {
      String[] parts = r.digitConfidences().split(";");
      assertThat(parts).hasSize(3).allMatch(p -> p.matches("0\\.\\d{4}"));
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
