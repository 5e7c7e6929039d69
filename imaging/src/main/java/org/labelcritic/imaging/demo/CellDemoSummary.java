package org.labelcritic.imaging.demo;

import java.nio.file.Path;

/**
 * What {@link CellDemoGenerator#generate} wrote.
 *
 * @param outDir the folder holding {@code manifest.csv}, {@code truth.csv} and {@code codes.csv}
 * @param cells items (form cells) generated
 * @param cellImages cells written as their own image under {@code cells/}
 * @param pageCells cells placed in a box of a page image under {@code pages/}
 * @param pages page images written
 * @param codes entries of the code list
 * @param manifestRows candidate rows in the manifest (two sources per cell)
 * @param reusedTileRounds how often a digit class ran out of unused MNIST tiles (0 for small demos)
 */
public record CellDemoSummary(
    Path outDir,
    int cells,
    int cellImages,
    int pageCells,
    int pages,
    int codes,
    int manifestRows,
    int reusedTileRounds) {}
