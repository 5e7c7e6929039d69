package org.labelcritic.imaging.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder holding one DICOM series into a volume. Slices are ordered by their position along
 * the slice normal (never by file name or InstanceNumber); they must share one orientation, pixel
 * spacing and pixel format, and be evenly spaced (else refused, or read with a warning, per {@link
 * DicomReadOptions#unevenSpacing()}). Files that are not DICOM at all (a README, a JSON sidecar)
 * are skipped with a warning; a damaged DICOM file fails the whole series, so a partial volume is
 * never presented as whole.
 */
public final class DicomSeriesReader {
  private static final Logger LOG = LoggerFactory.getLogger(DicomSeriesReader.class);

  private final DicomReadOptions options;
  private final DicomParser parser;

  public DicomSeriesReader() {
    this(DicomReadOptions.DEFAULTS);
  }

  public DicomSeriesReader(DicomReadOptions options) {
    this.options = options;
    this.parser = new DicomParser(options);
  }

  /** The series in {@code folder} as a volume (stored values + rescale to HU for CT). */
  public Volume read(Path folder) throws LabelCriticException {
    return load(folder).volume();
  }

  /** The series in {@code folder} with its provenance and warnings. */
  public DicomVolume load(Path folder) throws LabelCriticException {
    Parsed parsed = parse(folder);
    List<VolumeAssembler.Slice> slices = parsed.slices();
    List<String> skipped = parsed.skipped();
    int files = parsed.files();
    DicomVolume result =
        new VolumeAssembler(options).assemble(folder, "DICOM series " + folder, slices, files);
    if (skipped.isEmpty()) {
      return result;
    }
    LOG.warn("{}: skipped {} file(s) that are not DICOM: {}", folder, skipped.size(), skipped);
    List<String> warnings = new ArrayList<>(result.warnings());
    warnings.add("skipped " + skipped.size() + " file(s) that are not DICOM: " + skipped);
    return new DicomVolume(result.volume(), result.info(), warnings);
  }

  /**
   * The series' grid and format from the file headers alone: no pixel is decoded, so importing a
   * series is fast. The same checks as {@link #load(Path)} apply (one series, one orientation, even
   * spacing).
   */
  public DicomSeriesHeader header(Path folder) throws LabelCriticException {
    Parsed parsed = parse(folder);
    VolumeAssembler.Layout layout = new VolumeAssembler(options).layout(folder, parsed.slices());
    ParsedDicom first = layout.first().parsed();
    List<String> warnings = new ArrayList<>(layout.grid().warnings());
    if (!parsed.skipped().isEmpty()) {
      warnings.add(
          "skipped "
              + parsed.skipped().size()
              + " file(s) that are not DICOM: "
              + parsed.skipped());
    }
    return new DicomSeriesHeader(
        layout.geometry(parsed.slices().size()),
        first.syntax(),
        first.top().string(Tags.MODALITY).orElse(""),
        parsed.files(),
        warnings);
  }

  private record Parsed(List<VolumeAssembler.Slice> slices, int files, List<String> skipped) {}

  private Parsed parse(Path folder) throws LabelCriticException {
    List<Path> files = list(folder);
    long total = 0;
    List<String> skipped = new ArrayList<>();
    Map<String, List<ParsedDicom>> bySeries = new LinkedHashMap<>();
    for (Path file : files) {
      ParsedDicom parsed;
      try {
        parsed = parser.parseHeader(file);
      } catch (LabelCriticException e) {
        if (e.problem().what().startsWith(DicomParser.NOT_DICOM)) {
          skipped.add(String.valueOf(file.getFileName()));
          continue;
        }
        throw e;
      }
      total += sizeOf(file);
      // Files are held until every slice is placed; bound them like the volume itself.
      if (total > 2 * options.maxVoxelBytes()) {
        throw LabelCriticException.inFile(
            folder,
            "the series files add up to more than twice the volume limit of "
                + options.maxVoxelBytes()
                + " bytes");
      }
      String series = parsed.top().string(Tags.SERIES_INSTANCE_UID).orElse("");
      bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(parsed);
    }
    if (bySeries.isEmpty()) {
      throw LabelCriticException.inFile(folder, "the folder holds no DICOM files");
    }
    if (bySeries.size() > 1) {
      StringBuilder sb = new StringBuilder();
      bySeries.forEach(
          (uid, list) ->
              sb.append(sb.isEmpty() ? "" : ", ")
                  .append(uid.isEmpty() ? "(no UID)" : uid)
                  .append(": ")
                  .append(list.size())
                  .append(" file(s)"));
      throw LabelCriticException.inFile(
          folder,
          "the folder holds "
              + bySeries.size()
              + " series ("
              + sb
              + "); put each series in its own folder");
    }
    List<ParsedDicom> series = bySeries.values().iterator().next();
    List<VolumeAssembler.Slice> slices = new ArrayList<>();
    for (ParsedDicom p : series) {
      List<VolumeAssembler.Slice> own = Slices.of(p, String.valueOf(p.file().getFileName()));
      if (own.size() != 1 && series.size() > 1) {
        throw LabelCriticException.inFile(
            p.file(),
            "a multi-frame file ("
                + own.size()
                + " frames) in a folder of several files: read it on its own");
      }
      slices.addAll(own);
    }
    return new Parsed(slices, series.size(), skipped);
  }

  private static List<Path> list(Path folder) throws LabelCriticException {
    if (!Files.isDirectory(folder)) {
      throw LabelCriticException.inFile(
          folder, "not a folder: a DICOM series is read from a folder");
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("DICOMDIR"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw LabelCriticException.inFile(folder, "cannot list the folder: " + e.getMessage(), e);
    }
  }

  private static long sizeOf(Path file) throws LabelCriticException {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e.getMessage(), e);
    }
  }
}
