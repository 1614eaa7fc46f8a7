package org.cml4j.lsm.data;

import java.nio.file.Path;
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
     * @throws SiteDataException for an unknown extension (listing the supported ones) or unusable content
     */
    public static SiteData read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "nc", "nc4" -> AlmaNetcdfReader.read(file);
            case "csv" -> SiteCsvReader.read(file);
            case "dat", "txt" -> NoahBondvilleReader.read(file);
            default -> throw SiteDataException.forFile(file.toString(), null, "unknown file type '"
                    + (ext.isEmpty() ? "(no extension)" : "." + ext) + "'; supported: .nc/.nc4 (ALMA netCDF-4), "
                    + ".csv (site CSV, see SiteCsvReader), .dat/.txt (Noah/Bondville 33-column text)");
        };
    }
}
