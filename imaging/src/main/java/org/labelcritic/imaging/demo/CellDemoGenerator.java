package org.labelcritic.imaging.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the census-style form-cell demo from the MNIST sprite sheets: handwritten 3-digit
 * occupation codes as cell images (about 10 % of them in boxes on form pages instead), the code
 * list, the candidate manifest with two competing sources per cell, and the truth kept apart.
 *
 * <p>The two sources are placeholders ({@code placeholder-reader-a}, about 3 % digit errors, and
 * {@code placeholder-reader-b}, about 6 %) that derive their answers from the truth; they stand in
 * for real models until those exist. Output for a given seed is byte-identical on every run.
 *
 * <pre>
 * outDir/codes.csv      code,description
 * outDir/manifest.csv   item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences
 * outDir/truth.csv      item_id,code
 * outDir/cells/cell-00001.png ...   100x40 px greyscale
 * outDir/pages/page-01.png ...      form pages with a grid of boxes
 * </pre>
 */
public final class CellDemoGenerator {
  public static final int DEFAULT_CELLS = 500;
  public static final int MAX_CELLS = 99_999;
  public static final String READER_A = "placeholder-reader-a";
  public static final String READER_B = "placeholder-reader-b";
  static final double READER_A_DIGIT_ERROR = 0.03;
  static final double READER_B_DIGIT_ERROR = 0.06;
  static final double PAGE_SHARE = 0.10;

  private static final Logger LOG = LoggerFactory.getLogger(CellDemoGenerator.class);

  private CellDemoGenerator() {}

  /**
   * Generates the demo into {@code outDir} (created if needed; files of the same name are
   * replaced).
   *
   * @param mnistDir the folder holding {@code digit-0.png} .. {@code digit-9.png}
   * @param cells how many form cells, 1 to {@value #MAX_CELLS}
   * @param seed the same seed gives the same bytes
   * @throws LabelCriticException naming the file when a sprite sheet is missing or broken, or an
   *     output file cannot be written
   */
  public static CellDemoSummary generate(Path mnistDir, Path outDir, int cells, long seed)
      throws LabelCriticException {
    if (cells < 1 || cells > MAX_CELLS) {
      throw new LabelCriticException(
          "The number of demo cells must be between 1 and %d, not %d.".formatted(MAX_CELLS, cells));
    }
    MnistDigitSheets sheets = MnistDigitSheets.read(mnistDir);
    // One independent stream per concern, split in a fixed order, so that the outputs do not
    // depend on each other's consumption of random numbers.
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom frequencyRng = root.split();
    SplittableRandom truthRng = root.split();
    SplittableRandom tileRng = root.split();
    SplittableRandom drawRng = root.split();
    SplittableRandom pageRng = root.split();
    SplittableRandom readerARng = root.split();
    SplittableRandom readerBRng = root.split();

    List<OccupationCode> codeList = OccupationCodeList.standard();
    CodeFrequency frequency = new CodeFrequency(codeList, frequencyRng);
    List<String> truth = new ArrayList<>(cells);
    for (int i = 0; i < cells; i++) {
      truth.add(frequency.sample(truthRng));
    }
    Map<Integer, PageBox> boxes = choosePageCells(cells, pageRng);

    Path cellDir = createDirectory(outDir.resolve("cells"));
    Path pageDir = createDirectory(outDir.resolve("pages"));
    DigitTilePool tiles = new DigitTilePool(tileRng);
    CellComposer composer = new CellComposer(sheets, tiles, drawRng);
    int pageCount =
        (boxes.size() + FormPageLayout.BOXES_PER_PAGE - 1) / FormPageLayout.BOXES_PER_PAGE;
    List<GrayRaster> pages = new ArrayList<>();
    for (int p = 1; p <= pageCount; p++) {
      pages.add(FormPageLayout.blankPage(p, pageRng));
    }

    PlaceholderReader readerA =
        new PlaceholderReader(READER_A, READER_A_DIGIT_ERROR, frequency, readerARng);
    PlaceholderReader readerB =
        new PlaceholderReader(READER_B, READER_B_DIGIT_ERROR, frequency, readerBRng);
    List<String> manifest = new ArrayList<>(List.of(ManifestRow.HEADER));
    List<String> truthLines = new ArrayList<>(List.of("item_id,code"));
    for (int i = 0; i < cells; i++) {
      String itemId = "cell-%05d".formatted(i + 1);
      String code = truth.get(i);
      GrayRaster cell = composer.compose(code);
      PageBox box = boxes.get(i);
      String image = null;
      if (box == null) {
        image = "cells/" + itemId + ".png";
        cell.writePng(cellDir.resolve(itemId + ".png"));
      } else {
        pages.get(box.page() - 1).paste(cell, box.x(), box.y());
      }
      for (PlaceholderReader reader : List.of(readerA, readerB)) {
        manifest.add(new ManifestRow(itemId, image, box, reader.read(code)).toCsv());
      }
      truthLines.add(itemId + "," + code);
    }
    for (int p = 0; p < pages.size(); p++) {
      pages.get(p).writePng(pageDir.resolve("page-%02d.png".formatted(p + 1)));
    }

    List<String> codeLines = new ArrayList<>(List.of("code,description"));
    codeList.forEach(c -> codeLines.add(c.code() + "," + c.description()));
    writeLines(outDir.resolve("codes.csv"), codeLines);
    writeLines(outDir.resolve("manifest.csv"), manifest);
    writeLines(outDir.resolve("truth.csv"), truthLines);

    CellDemoSummary summary =
        new CellDemoSummary(
            outDir,
            cells,
            cells - boxes.size(),
            boxes.size(),
            pageCount,
            codeList.size(),
            manifest.size() - 1,
            tiles.reusedRounds());
    LOG.info(
        "Cell demo: {} cells ({} on {} pages), {} codes, {} candidates in {}",
        cells,
        boxes.size(),
        pageCount,
        codeList.size(),
        summary.manifestRows(),
        outDir);
    return summary;
  }

  /** About {@link #PAGE_SHARE} of the cells, chosen at random, in boxes in item order. */
  private static Map<Integer, PageBox> choosePageCells(int cells, SplittableRandom rng) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cells; i++) {
      order.add(i);
    }
    OccupationCodeList.shuffle(order, rng);
    List<Integer> chosen = new ArrayList<>(order.subList(0, (int) Math.round(cells * PAGE_SHARE)));
    chosen.sort(null);
    Map<Integer, PageBox> boxes = new HashMap<>();
    for (int slot = 0; slot < chosen.size(); slot++) {
      boxes.put(chosen.get(slot), FormPageLayout.box(slot));
    }
    return boxes;
  }

  private static Path createDirectory(Path dir) throws LabelCriticException {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw LabelCriticException.inFile(dir, "cannot create the output folder", e);
    }
  }

  private static void writeLines(Path file, List<String> lines) throws LabelCriticException {
    try {
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot write the file", e);
    }
  }
}
