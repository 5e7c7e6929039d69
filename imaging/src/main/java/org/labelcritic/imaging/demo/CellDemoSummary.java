package org.labelcritic.imaging.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link CellDemoGenerator#generate} wrote.
 *
 * @param outDir the folder holding {@code manifest.csv}, {@code truth.csv} and {@code codes.csv}
 * @param cells items (form cells) generated
 * @param cellImages cells written as their own image under {@code cells/}
 * @param pageCells cells placed in a box of a page image under {@code pages/}
 * @param pages page images written
 * @param codes entries of the code list
 * @param manifestRows candidate rows in the manifest (one per source and cell)
 * @param reusedTileRounds how often a digit class ran out of unused MNIST tiles (0 for small demos)
 * @param sources the transcription models' source names, in manifest order
 * @param trainingDigits the digits the models were trained on
 */
public record CellDemoSummary(
    Path outDir,
    int cells,
    int cellImages,
    int pageCells,
    int pages,
    int codes,
    int manifestRows,
    int reusedTileRounds,
    List<String> sources,
    int trainingDigits) {
  public CellDemoSummary {
    sources = List.copyOf(sources);
  }
}
