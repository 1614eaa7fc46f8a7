package org.cml4j.lsm.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Reads a site data file, choosing the reader from the file extension. */
public final class SiteDataReaders {

    private SiteDataReaders() {
    }

    /**
     * Reads {@code .nc}/{@code .nc4} with {@link AlmaNetcdfReader}, {@code .csv} with {@link SiteCsvReader},
     * {@code .dat}/{@code .txt} with {@link NoahBondvilleReader} (Bondville 1998 defaults), each with
     * default options.
     *
     * @throws SiteDataException for a folder, a missing file, an unknown extension (listing the supported
     *                           ones) or unusable content
     */
    public static SiteData read(Path file) {
        requireFile(file);
        return switch (extension(file)) {
            case "nc", "nc4" -> AlmaNetcdfReader.read(file);
            case "csv" -> SiteCsvReader.read(file);
            case "dat", "txt" -> NoahBondvilleReader.read(file);
            default -> throw unknown(file);
        };
    }

    /**
     * The records with {@code start <= t < endExclusive} of a site file. A site CSV is streamed and only
     * the window is kept in memory (see {@link SiteCsvReader#read(Path, SiteCsvReader.Options, Instant,
     * Instant)}); other formats are read whole and then cut.
     *
     * @throws SiteDataException as {@link #read(Path)}, or if no record falls in the window
     */
    public static SiteData read(Path file, Instant start, Instant endExclusive) {
        requireFile(file);
        return switch (extension(file)) {
            case "csv" -> SiteCsvReader.read(file, SiteCsvReader.Options.DEFAULT, start, endExclusive);
            case "nc", "nc4", "dat", "txt" -> read(file).window(start, endExclusive);
            default -> throw unknown(file);
        };
    }

    /**
     * Checks that {@code file} is an existing regular file.
     *
     * @throws SiteDataException saying "is a folder" or "file not found"
     */
    public static void requireFile(Path file) {
        String src = file.toString();
        if (Files.isDirectory(file)) {
            throw SiteDataException.forFile(src, null, "is a folder, not a file; give the path of a site"
                    + " data file (.csv, .nc/.nc4, .dat/.txt)");
        }
        if (!Files.exists(file)) {
            throw SiteDataException.forFile(src, null, "file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw SiteDataException.forFile(src, null, "not a readable regular file");
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static SiteDataException unknown(Path file) {
        String ext = extension(file);
        return SiteDataException.forFile(file.toString(), null, "unknown file type '"
                + (ext.isEmpty() ? "(no extension)" : "." + ext) + "'; supported: .nc/.nc4 (ALMA netCDF-4), "
                + ".csv (site CSV, see SiteCsvReader), .dat/.txt (Noah/Bondville 33-column text)");
    }
}
