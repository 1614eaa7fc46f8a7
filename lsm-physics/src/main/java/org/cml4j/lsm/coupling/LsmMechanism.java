package org.cml4j.lsm.coupling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.gradient.Tangent;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;

/**
 * The soil heat conduction + surface energy balance model of Huang, Heaney &amp; van Reeuwijk
 * (2025) behind the coupling SPI: parameters alpha, lambda, C, hbeta, Tb, eps with units and
 * bounds; forcing SWdown, LWdown, Tair; outputs SoilTemp_&lt;depth&gt;, SurfTemp, Qg, LWup, QhQle,
 * Rnet; discrete adjoint and tangent products. The initial state is built from the soil/surface
 * temperatures observed at the first step (blended to Tb below the deepest one), or uniform Tb.
 */
public final class LsmMechanism implements MechanismModel {
  private static final List<VariableSpec> FORCING = List.of(VariableSpec.of(Variables.SWDOWN),
      VariableSpec.of(Variables.LWDOWN), VariableSpec.of(Variables.TAIR));

  private final SoilColumnModel model;
  private final List<ParameterInfo> parameters;

  /** The model on a grid with a step solver. */
  public LsmMechanism(ModelGrid grid, StepSolver solver) {
    this.model = new SoilColumnModel(grid, solver);
    this.parameters = Arrays.stream(Param.values()).map(Param::info).toList();
  }

  /** 101 nodes over 1 m, hourly steps, exact step solver. */
  public static LsmMechanism huang2025() {
    return new LsmMechanism(ModelGrid.HUANG2025, StepSolver.EXACT);
  }

  /** The underlying column model. */
  public SoilColumnModel columnModel() {
    return model;
  }

  @Override
  public String name() {
    return "lsm-heat-seb";
  }

  @Override
  public List<ParameterInfo> parameters() {
    return parameters;
  }

  @Override
  public List<VariableSpec> forcing() {
    return FORCING;
  }

  @Override
  public boolean canSimulate(String variable) {
    try {
      Output o = Output.parse(variable);
      return o.kind() != Output.Kind.SOIL_TEMPERATURE || o.depth() <= model.grid().depth();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean differentiable() {
    return true;
  }

  /** Column parameters: nominal values ({@link Param#info()}), overridden by the input's constants and series. */
  public ColumnParameters columnParameters(ModelInput in) {
    ColumnParameters.Builder b = ColumnParameters.builder();
    for (Param p : Param.values()) {
      b.set(p, p.info().nominal());
    }
    in.parameters().forEach((k, v) -> b.set(param(k), parameter(k).check(v)));
    in.timeVarying().forEach((k, v) -> {
      ParameterInfo info = parameter(k);
      for (int i = 0; i < v.length; i++) {
        if (!(v[i] >= info.lower() && v[i] <= info.upper())) {
          throw new IllegalArgumentException("time-varying " + k + " at step " + i + " = " + v[i]
              + " outside its allowed range [" + info.lower() + ", " + info.upper() + "]");
        }
      }
      b.series(param(k), v);
    });
    return b.build();
  }

  /** Surface forcing from a frame, rejecting missing values with the record index. */
  public static SurfaceForcing surfaceForcing(Frame f) {
    return new SurfaceForcing(complete(f, Variables.SWDOWN), complete(f, Variables.LWDOWN),
        complete(f, Variables.TAIR));
  }

  /** Initial state from observations at the first step (uniform Tb if there are none). */
  public InitialState initialState(Map<String, Double> initialObservations) {
    List<double[]> pts = new ArrayList<>();
    Double ts = initialObservations.get(Variables.SURF_TEMP);
    if (ts != null) {
      pts.add(new double[] {0, ts});
    }
    initialObservations.entrySet().stream().filter(e -> Variables.isSoilTemperature(e.getKey()))
        .map(e -> new double[] {Variables.depthOf(e.getKey()), e.getValue()})
        .filter(p -> p[0] < model.grid().depth())
        .sorted((a, b) -> Double.compare(a[0], b[0])).forEach(pts::add);
    return pts.isEmpty() ? InitialState.uniformTb()
        : InitialState.fromObservedPoints(model.grid(), pts);
  }

  @Override
  public ModelRun run(ModelInput in) {
    List<Output> outs = in.outputs().stream().map(Output::parse).toList();
    Trajectory tr = model.simulate(columnParameters(in), surfaceForcing(in.forcing()),
        initialState(in.initialObservations()));
    return new LsmRun(tr, outs, in.forcing());
  }

  private static Param param(String name) {
    return Param.fromSymbol(name);
  }

  private static double[] complete(Frame f, String name) {
    double[] v = f.values(name);
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        throw new IllegalArgumentException("forcing " + name + " is missing at record " + i
            + "; gap-fill the forcing before running the mechanism model");
      }
    }
    return v;
  }

  /** A run: the trajectory plus the SPI views of outputs, adjoint and tangent. */
  public static final class LsmRun implements ModelRun {
    private final Trajectory trajectory;
    private final List<Output> outputs;
    private final Frame frame;

    LsmRun(Trajectory trajectory, List<Output> outputs, Frame forcing) {
      this.trajectory = trajectory;
      this.outputs = outputs;
      Frame f = forcing.select(List.of());
      for (Output o : outputs) {
        f = f.with(new VariableSpec(o.name(), o.unit()), trajectory.output(o));
      }
      this.frame = f;
    }

    /** The underlying trajectory. */
    public Trajectory trajectory() {
      return trajectory;
    }

    @Override
    public Frame outputs() {
      return frame;
    }

    @Override
    public ParameterGradient vjp(double[][] seed) {
      AdjointGradient g = Adjoint.vjp(trajectory, outputs, seed);
      Map<String, Double> c = new LinkedHashMap<>();
      Map<String, double[]> tv = new LinkedHashMap<>();
      for (Param p : Param.values()) {
        c.put(p.symbol(), g.constant(p));
        tv.put(p.symbol(), g.series(p));
      }
      Map<String, double[]> fg = new LinkedHashMap<>();
      fg.put(Variables.SWDOWN, g.forcing()[0].clone());
      fg.put(Variables.LWDOWN, g.forcing()[1].clone());
      fg.put(Variables.TAIR, g.forcing()[2].clone());
      return new ParameterGradient(c, tv, fg);
    }

    @Override
    public double[][][] jacobian(List<String> parameters) {
      return Tangent.jacobian(trajectory, outputs, parameters.stream().map(Param::fromSymbol)
          .toList());
    }
  }
}
