package io.roam.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes the plots of an experiment: mean response time and mean slowdown against load, one line per
 * policy, each as PNG (JFreeChart) and SVG (JFreeSVG). Runs headless. Stateless.
 */
final class Charts {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 540;

  private Charts() {}

  /** Writes response.{png,svg} and slowdown.{png,svg} into {@code dir}; returns the files. */
  static List<Path> write(String title, List<RunResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    JFreeChart response = chart(title + ": mean response time", "mean response time (s)", results,
        RunResult::meanResponse);
    JFreeChart slowdown = chart(title + ": mean slowdown", "mean slowdown", results, RunResult::meanSlowdown);
    return List.of(png(response, dir.resolve("response.png")), svg(response, dir.resolve("response.svg")),
        png(slowdown, dir.resolve("slowdown.png")), svg(slowdown, dir.resolve("slowdown.svg")));
  }

  private static JFreeChart chart(String title, String yLabel, List<RunResult> results,
      ToDoubleFunction<RunResult> y) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (RunResult r : results) {
      series.computeIfAbsent(r.label(), XYSeries::new).add(r.load(), y.applyAsDouble(r));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(title, "offered load per node", yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    return chart;
  }

  private static Path png(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    return file;
  }

  private static Path svg(JFreeChart chart, Path file) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    Files.writeString(file, g.getSVGDocument());
    return file;
  }
}
