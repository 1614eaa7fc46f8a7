package org.cml4j.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {
  static final double NAN = Double.NaN;

  @Test
  void fitsNonNaNEntriesPerColumn() {
    double[][] rows = {{1, 5, NAN}, {3, 5, 2}, {NAN, 5, 4}, {5, 5, NAN}};
    Standardizer s = Standardizer.fit(rows, "y");
    assertThat(s.mean(0)).isEqualTo(3.0);
    assertThat(s.scale(0)).isCloseTo(Math.sqrt(8.0 / 3), within(1e-15)); // (4+0+4)/3
    assertThat(s.mean(1)).isEqualTo(5.0);
    assertThat(s.scale(1)).as("constant column").isEqualTo(1.0);
    assertThat(s.mean(2)).isEqualTo(3.0);
    assertThat(s.scale(2)).isEqualTo(1.0); // sd of {2, 4} is exactly 1
    double[][] z = s.transform(rows);
    assertThat(z[0][0]).isCloseTo(-2 / Math.sqrt(8.0 / 3), within(1e-15));
    assertThat(z[0][1]).isEqualTo(0.0);
    assertThat(z[0][2]).isNaN();
    double[][] back = s.inverse(z);
    assertThat(back[3][0]).isCloseTo(5, within(1e-14));
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> Standardizer.fit(new double[][] {{1, NAN}, {2, NAN}}, "yTrain"))
        .hasMessageContaining("yTrain column 1 has no finite value");
    assertThatThrownBy(() -> Standardizer.of(new double[] {0}, new double[] {0}))
        .hasMessageContaining("scale 0.0");
    assertThatThrownBy(() -> Standardizer.identity(2).transform(new double[][] {{1}}))
        .hasMessageContaining("row 0 has 1 columns, the scaler has 2");
  }

  /** The fusion networks' lenient fit: row range, empty and single-value columns centred only. */
  @Test
  void onePassFitOnARowRange() {
    double[][] rows = {{1, NAN, NAN}, {3, NAN, 5}, {5, NAN, NAN}, {100, 7, 9}};
    Standardizer s = Standardizer.fitOnePass(rows, 0, 3);
    assertThat(s.means()).containsExactly(3, 0, 5);
    assertThat(s.scales()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
    assertThat(s.scales()[1]).isEqualTo(1);
    assertThat(s.scales()[2]).isEqualTo(1);
  }
}
