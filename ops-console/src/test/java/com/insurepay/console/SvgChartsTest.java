package com.insurepay.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.console.service.SvgCharts;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void barsAreScaledToANiceAxisAndTextIsEscaped() {
        String svg = SvgCharts.bars("c", "Revenue <SGD>", "by day & product", List.of(new SvgCharts.Bar("01-01", 300, "SGD 3.00"),
                new SvgCharts.Bar("01-02", 0, "SGD 0.00")), 0, v -> Long.toString(Math.round(v)));
        assertTrue(svg.contains("<title id=\"c-title\">Revenue &lt;SGD&gt;</title>"), svg);
        assertTrue(svg.contains("<desc id=\"c-desc\">by day &amp; product</desc>"), svg);
        assertTrue(svg.contains(">500</text>"), "the axis tops at 500 for a largest value of 300: " + svg);
        assertTrue(svg.contains("<title>01-01: SGD 3.00</title>"), svg);
        assertFalse(svg.contains("style="), "no inline style: the CSP allows none");
        assertEquals(2, svg.split("<rect ").length - 1);
    }

    @Test
    void anEmptyChartStillHasItsAxis() {
        String svg = SvgCharts.bars("e", "Nothing", "no data", List.of(), 0, v -> Long.toString(Math.round(v)));
        assertTrue(svg.contains(">1</text>") && svg.contains("class=\"baseline\""), svg);
    }
}
