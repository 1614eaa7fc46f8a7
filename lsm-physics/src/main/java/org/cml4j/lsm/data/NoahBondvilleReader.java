package org.cml4j.lsm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Noah LSM Bondville validation file {@code forcing98_with_validation.dat} (NOAA/ARL
 * Bondville, Illinois, US-Bo1, 1998) and files of the same 33-column layout.
 *
 * <p>Format: whitespace-separated, no header, one half-hour per line, missing value -6999. Column 1 is
 * the day of year and column 2 the time hhmm, in local standard time, labelling the END of the
 * half-hour; midnight is written as time 0 of the next day, and the last line of the year as day 1,
 * time 0 (the next year). The record time is that label converted to UTC.
 *
 * <p>Columns read (1-based) and the resulting ALMA variables in SI units:
 * 3 wind speed [m/s] → Wind; 5 air temperature [degC] → Tair [K]; 7 pressure [mb] → PSurf [Pa];
 * 8 → SWdown; 11 net radiation → Rnet; 12 ground heat flux → Qg; 13 rain [inch per record] →
 * Rainf [kg m-2 s-1]; 15 IR skin temperature [degC] → SurfTemp [K]; 16-21 soil temperature at
 * 2, 4, 8, 16, 32, 64 cm [degC] → SoilTemp_0.02 ... SoilTemp_0.64 [K]; 27 → Qh; 28 → Qle;
 * 30 → LWdown; 31-33 soil moisture at 5, 20, 60 cm → SoilMoist_0.05, SoilMoist_0.2, SoilMoist_0.6
 * [m3 m-3]. Fluxes are W m-2. Other columns (wind direction, RH, PAR, turbulence, CO2) are not read.
 */
public final class NoahBondvilleReader {

    private static final Logger LOG = LoggerFactory.getLogger(NoahBondvilleReader.class);
    private static final int COLUMNS = 33;
    private static final double MISSING = -6999;
    private static final double CELSIUS = 273.15;

    /** One column: 1-based index, ALMA name, SI = value * factor + offset. */
    private record Column(int index, String name, double factor, double offset) {
    }

    private static final List<Column> READ = List.of(
            new Column(8, "SWdown", 1, 0), new Column(30, "LWdown", 1, 0), new Column(5, "Tair", 1, CELSIUS),
            new Column(3, "Wind", 1, 0), new Column(7, "PSurf", 100, 0), new Column(13, "Rainf", 25.4, 0),
            new Column(11, "Rnet", 1, 0), new Column(12, "Qg", 1, 0), new Column(27, "Qh", 1, 0),
            new Column(28, "Qle", 1, 0), new Column(15, "SurfTemp", 1, CELSIUS),
            new Column(16, "SoilTemp_0.02", 1, CELSIUS), new Column(17, "SoilTemp_0.04", 1, CELSIUS),
            new Column(18, "SoilTemp_0.08", 1, CELSIUS), new Column(19, "SoilTemp_0.16", 1, CELSIUS),
            new Column(20, "SoilTemp_0.32", 1, CELSIUS), new Column(21, "SoilTemp_0.64", 1, CELSIUS),
            new Column(31, "SoilMoist_0.05", 1, 0), new Column(32, "SoilMoist_0.2", 1, 0),
            new Column(33, "SoilMoist_0.6", 1, 0));

    /**
     * @param year       calendar year of the first line
     * @param utcOffset  offset of the file's local standard time from UTC
     * @param fluxPolicy out-of-range handling for Qh, Qle, Qg, Rnet (others always fail)
     */
    public record Options(int year, ZoneOffset utcOffset, OutOfRangePolicy fluxPolicy) {
        /** Bondville 1998: year 1998, UTC-6, FAIL for fluxes. */
        public static final Options BONDVILLE_1998 = new Options(1998, ZoneOffset.ofHours(-6), OutOfRangePolicy.FAIL);
    }

    private NoahBondvilleReader() {
    }

    /** Reads with {@link Options#BONDVILLE_1998}. */
    public static SiteData read(Path file) {
        return read(file, Options.BONDVILLE_1998);
    }

    /** Reads a 33-column Noah forcing-with-validation file; throws {@link SiteDataException} if unusable. */
    public static SiteData read(Path file, Options options) {
        String src = file.toString();
        SiteDataReaders.requireFile(file);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] tokens = t.split("\\s+");
                if (tokens.length != COLUMNS) {
                    throw SiteDataException.atLine(src, lineNo, null, "expected " + COLUMNS
                            + " whitespace-separated columns, found " + tokens.length);
                }
                rows.add(tokens);
                lines.add(lineNo);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw SiteDataException.forFile(src, null, "file not found");
        } catch (IOException e) {
            throw SiteDataException.forFile(src, "cannot read: " + e, e);
        }
        int n = rows.size();
        if (n < 2) {
            throw SiteDataException.forFile(src, null, "need at least 2 data lines, found " + n);
        }
        long[] times = parseTimes(rows, lines, src, options);
        long step = times[1] - times[0];
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (Column c : READ) {
            double factor = c.name().equals("Rainf") ? c.factor() / step : c.factor();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                double v = number(rows.get(i)[c.index() - 1], src, lines.get(i), c);
                x[i] = v == MISSING ? Double.NaN : v * factor + c.offset() + 0.0;
            }
            vars.put(c.name(), x);
        }
        RecordFlags flags = RangeValidator.apply(vars, options.fluxPolicy(),
                (i, v, d) -> SiteDataException.atLine(src, lines.get(i), v, d));
        SiteData data = new SiteData(src, times, step, vars, flags);
        LOG.info("read {}", data);
        return data;
    }

    private static long[] parseTimes(List<String[]> rows, List<Integer> lines, String src, Options options) {
        long[] times = new long[rows.size()];
        int year = options.year();
        int prevDoy = 0;
        for (int i = 0; i < times.length; i++) {
            int line = lines.get(i);
            int doy = integer(rows.get(i)[0], src, line, "column 1 (day of year)");
            int hhmm = integer(rows.get(i)[1], src, line, "column 2 (hhmm)");
            if (doy < prevDoy) {
                year++;
            }
            prevDoy = doy;
            int hh = hhmm / 100;
            int mm = hhmm % 100;
            if (hhmm < 0 || mm > 59 || hh > 24) {
                throw SiteDataException.atLine(src, line, "time", "invalid time of day hhmm = " + hhmm);
            }
            try {
                LocalDateTime local = LocalDate.ofYearDay(year, doy).atStartOfDay().plusHours(hh).plusMinutes(mm);
                times[i] = local.toEpochSecond(options.utcOffset());
            } catch (DateTimeException e) {
                throw SiteDataException.atLine(src, line, "time", "invalid day of year " + doy + " in " + year);
            }
            if (i > 0) {
                long dt = times[i] - times[i - 1];
                long step = times[1] - times[0];
                if (dt <= 0 || (i > 1 && dt != step)) {
                    throw SiteDataException.atLine(src, line, "time", (dt == 0 ? "duplicated time"
                            : dt < 0 ? "time goes backwards" : "irregular time step of " + dt + " s, expected "
                            + step + " s") + " (day " + doy + ", " + hhmm + " after line " + lines.get(i - 1) + ")");
                }
            }
        }
        return times;
    }

    private static double number(String token, String src, int line, Column c) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw SiteDataException.atLine(src, line, c.name(), "column " + c.index() + ": cannot parse '"
                    + token + "' as a number");
        }
    }

    private static int integer(String token, String src, int line, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw SiteDataException.atLine(src, line, "time", what + ": cannot parse '" + token + "' as an integer");
        }
    }
}
