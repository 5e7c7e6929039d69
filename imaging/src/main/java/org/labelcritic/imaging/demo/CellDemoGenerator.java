package org.labelcritic.imaging.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.labelcritic.imaging.cells.CodeReader;
import org.labelcritic.imaging.cells.DigitReader;
import org.labelcritic.imaging.cells.DigitReaders;
import org.labelcritic.imaging.cells.DigitSegmenter;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the census-style form-cell demo from the MNIST sprite sheets: handwritten 3-digit
 * occupation codes as cell images (about 10 % of them in boxes on form pages instead), the code
 * list, the candidate manifest with two competing sources per cell, and the truth kept apart.
 *
 * <p>The two sources are real transcription models ({@link DigitReaders}): a logistic model and a
 * factorization machine trained with Tribuo on cells written with a disjoint 30 % of the MNIST
 * tiles, then run on the demo's cells (written with the other 70 %): their codes, per-digit
 * confidences and overall confidences are what the models read. The training cells' codes follow
 * the same skewed code frequency, so rare codes are rare in training too ({@code seen-codes.txt}
 * lists the codes that occurred). Output for a given seed is byte-identical on every run.
 *
 * <pre>
 * outDir/codes.csv       code,description
 * outDir/manifest.csv    item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences
 * outDir/truth.csv       item_id,code          (never imported: for statistics only)
 * outDir/seen-codes.txt  the codes that occurred in the models' training cells, one per line
 * outDir/models.txt      what each model is and how it was trained
 * outDir/cells/cell-00001.png ...   100x40 px greyscale
 * outDir/pages/page-01.png ...      form pages with a grid of boxes
 * </pre>
 */
public final class CellDemoGenerator {
  public static final int DEFAULT_CELLS = 5000;
  public static final int MAX_CELLS = 99_999;

  /** Cells written with the training tiles to train the models on (three digits each). */
  static final int TRAINING_CELLS = 3000;

  static final double PAGE_SHARE = 0.10;
  static final int DIGITS = 3;

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
    return generate(mnistDir, outDir, cells, seed, true);
  }

  /**
   * Writes only the cell and page images of the demo that {@link #generate} would write for the
   * same arguments, byte for byte, without training the models (seconds instead of a minute). The
   * installer uses it with the manifest, truth and code list shipped in the resources, which {@code
   * lcw demo cells --rebuild} regenerates.
   */
  public static CellDemoSummary composeImages(Path mnistDir, Path outDir, int cells, long seed)
      throws LabelCriticException {
    return generate(mnistDir, outDir, cells, seed, false);
  }

  private static CellDemoSummary generate(
      Path mnistDir, Path outDir, int cells, long seed, boolean transcribe)
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
    SplittableRandom trainingRng = root.split();
    long modelSeed = root.split().nextLong();

    List<OccupationCode> codeList = OccupationCodeList.standard();
    CodeFrequency frequency = new CodeFrequency(codeList, frequencyRng);

    long started = System.nanoTime();
    Training training =
        transcribe
            ? train(sheets, frequency, trainingRng, modelSeed)
            : new Training(List.of(), new TreeSet<>(), 0);
    if (transcribe) {
      LOG.info(
          "Trained {} on {} digits in {} ms",
          training.readers().stream().map(DigitReader::name).toList(),
          training.samples(),
          (System.nanoTime() - started) / 1_000_000);
    }

    List<String> truth = new ArrayList<>(cells);
    for (int i = 0; i < cells; i++) {
      truth.add(frequency.sample(truthRng));
    }
    Map<Integer, PageBox> boxes = choosePageCells(cells, pageRng);

    Path cellDir = createDirectory(outDir.resolve("cells"));
    Path pageDir = createDirectory(outDir.resolve("pages"));
    DigitTilePool tiles = new DigitTilePool(DigitTilePool.Part.DEMO, tileRng);
    CellComposer composer = new CellComposer(sheets, tiles, drawRng);
    int pageCount =
        (boxes.size() + FormPageLayout.BOXES_PER_PAGE - 1) / FormPageLayout.BOXES_PER_PAGE;
    List<GrayRaster> pages = new ArrayList<>();
    for (int p = 1; p <= pageCount; p++) {
      pages.add(FormPageLayout.blankPage(p, pageRng));
    }

    List<CodeReader> readers =
        training.readers().stream().map(r -> new CodeReader(r, DIGITS)).toList();
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
      if (transcribe) {
        List<double[]> digits = DigitSegmenter.digits(cell.pixels(), DIGITS);
        for (CodeReader reader : readers) {
          manifest.add(new ManifestRow(itemId, image, box, reader.read(digits)).toCsv());
        }
      }
      truthLines.add(itemId + "," + code);
    }
    for (int p = 0; p < pages.size(); p++) {
      pages.get(p).writePng(pageDir.resolve("page-%02d.png".formatted(p + 1)));
    }

    if (!transcribe) {
      return new CellDemoSummary(
          outDir,
          cells,
          cells - boxes.size(),
          boxes.size(),
          pageCount,
          codeList.size(),
          0,
          tiles.reusedRounds(),
          List.of(),
          0);
    }
    List<String> codeLines = new ArrayList<>(List.of("code,description"));
    codeList.forEach(c -> codeLines.add(c.code() + "," + c.description()));
    writeLines(outDir.resolve("codes.csv"), codeLines);
    writeLines(outDir.resolve("manifest.csv"), manifest);
    writeLines(outDir.resolve("truth.csv"), truthLines);
    writeLines(outDir.resolve("seen-codes.txt"), List.copyOf(training.seenCodes()));
    List<String> models = new ArrayList<>();
    models.add("# The demo's transcription models (seed " + seed + ")");
    models.add(
        "# trained on "
            + training.samples()
            + " digits from "
            + TRAINING_CELLS
            + " cells written with MNIST tiles whose index ends in 0-2;"
            + " the demo's cells use the others");
    for (DigitReader r : training.readers()) {
      models.add(r.name() + ": " + r.description());
    }
    writeLines(outDir.resolve("models.txt"), models);

    CellDemoSummary summary =
        new CellDemoSummary(
            outDir,
            cells,
            cells - boxes.size(),
            boxes.size(),
            pageCount,
            codeList.size(),
            manifest.size() - 1,
            tiles.reusedRounds(),
            training.readers().stream().map(DigitReader::name).toList(),
            training.samples());
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

  private record Training(List<DigitReader> readers, SortedSet<String> seenCodes, int samples) {}

  /**
   * Writes {@link #TRAINING_CELLS} cells with the training tiles, cuts them into digits the way the
   * models will see the demo's cells, and trains both models on those digits.
   */
  private static Training train(
      MnistDigitSheets sheets, CodeFrequency frequency, SplittableRandom rng, long modelSeed) {
    SplittableRandom codeRng = rng.split();
    DigitTilePool tiles = new DigitTilePool(DigitTilePool.Part.TRAINING, rng.split());
    CellComposer composer = new CellComposer(sheets, tiles, rng.split());
    List<DigitReaders.Sample> samples = new ArrayList<>(TRAINING_CELLS * DIGITS);
    SortedSet<String> seen = new TreeSet<>();
    for (int i = 0; i < TRAINING_CELLS; i++) {
      String code = frequency.sample(codeRng);
      seen.add(code);
      List<double[]> digits = DigitSegmenter.digits(composer.compose(code).pixels(), DIGITS);
      for (int d = 0; d < DIGITS; d++) {
        samples.add(new DigitReaders.Sample(digits.get(d), code.charAt(d) - '0'));
      }
    }
    List<DigitReader> readers =
        List.of(
            DigitReaders.logistic(samples, modelSeed),
            DigitReaders.factorizationMachine(samples, modelSeed));
    return new Training(readers, seen, samples.size());
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
