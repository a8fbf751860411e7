package org.freelanceisland.demo.internal.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Photos for the demo island, drawn in Java (never copied from anywhere): a work on a table, in the
 * colours and patterns of its material (the dark mud-dyed brown and the geometric motif of
 * Oshima-tsumugi silk, shell, wood, glass), and portraits as simple silhouettes. The same seed
 * always gives the same picture.
 */
public final class Pictures {

    private Pictures() {
    }

    /**
     * A photo of a handmade work.
     *
     * @param seed the picture's seed
     * @param material the material's code ({@code tsumugi}, {@code shell}, {@code wood}, {@code glass}, {@code cloth})
     * @return a PNG file
     */
    public static byte[] work(long seed, String material) {
        Random r = new Random(seed);
        int w = 800;
        int h = 600;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // a table and a wall
        g.setPaint(new GradientPaint(0, 0, new Color(238, 232, 220), 0, h, new Color(205, 196, 180)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(170, 128, 86));
        g.fillRect(0, (int) (h * 0.62), w, h);
        g.setColor(new Color(150, 110, 72));
        for (int i = 0; i < 12; i++) {
            int y = (int) (h * 0.62) + 8 + i * 20 + r.nextInt(6);
            g.drawLine(0, y, w, y + r.nextInt(9) - 4);
        }
        // the work
        int cx = w / 2 + r.nextInt(120) - 60;
        int cy = (int) (h * 0.55);
        int ww = 300 + r.nextInt(140);
        int hh = 180 + r.nextInt(110);
        Color base;
        Color accent;
        switch (material) {
            case "tsumugi" -> {
                base = new Color(58 + r.nextInt(20), 40 + r.nextInt(12), 30 + r.nextInt(10));
                accent = new Color(196, 170, 120);
            }
            case "shell" -> {
                base = new Color(226, 222, 214);
                accent = new Color(120 + r.nextInt(60), 170 + r.nextInt(50), 190 + r.nextInt(40));
            }
            case "wood" -> {
                base = new Color(150 + r.nextInt(30), 100 + r.nextInt(20), 60);
                accent = new Color(110, 70, 40);
            }
            case "glass" -> {
                base = new Color(40 + r.nextInt(40), 120 + r.nextInt(60), 170 + r.nextInt(60));
                accent = new Color(235, 245, 250);
            }
            default -> {
                base = new Color(60 + r.nextInt(150), 60 + r.nextInt(120), 60 + r.nextInt(120));
                accent = new Color(240, 235, 220);
            }
        }
        g.setColor(new Color(0, 0, 0, 50));
        g.fill(new Ellipse2D.Double(cx - ww / 2.0 + 12, cy + hh / 2.0 - 18, ww, 36));
        RoundRectangle2D body = new RoundRectangle2D.Double(cx - ww / 2.0, cy - hh / 2.0, ww, hh, 60, 60);
        g.setColor(base);
        g.fill(body);
        g.setClip(body);
        g.setColor(accent);
        if (material.equals("tsumugi")) {
            // the small geometric motif (a cross in a diamond) woven in rows
            int step = 28 + r.nextInt(10);
            for (int y = (int) (cy - hh / 2.0); y < cy + hh / 2.0; y += step) {
                for (int x = (int) (cx - ww / 2.0) + ((y / step) % 2) * step / 2; x < cx + ww / 2.0; x += step) {
                    Path2D d = new Path2D.Double();
                    d.moveTo(x, y - 6);
                    d.lineTo(x + 6, y);
                    d.lineTo(x, y + 6);
                    d.lineTo(x - 6, y);
                    d.closePath();
                    g.draw(d);
                    g.drawLine(x - 3, y, x + 3, y);
                    g.drawLine(x, y - 3, x, y + 3);
                }
            }
        } else if (material.equals("wood")) {
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < 14; i++) {
                int y = (int) (cy - hh / 2.0) + i * hh / 14;
                g.drawArc(cx - ww, y - 40, ww * 2, 80 + r.nextInt(30), 0, 180);
            }
        } else {
            for (int i = 0; i < 18; i++) {
                int d = 10 + r.nextInt(40);
                g.fill(new Ellipse2D.Double(cx - ww / 2.0 + r.nextInt(ww), cy - hh / 2.0 + r.nextInt(hh), d, d));
            }
        }
        g.setClip(null);
        g.setColor(base.darker());
        g.setStroke(new BasicStroke(4f));
        g.draw(body);
        g.dispose();
        return png(img);
    }

    /**
     * A portrait: a silhouette against the island's sea and sky.
     *
     * @param seed the picture's seed
     * @return a PNG file
     */
    public static byte[] portrait(long seed) {
        Random r = new Random(seed);
        int w = 480;
        int h = 480;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(120 + r.nextInt(40), 190, 230), 0, h * 0.6f, new Color(220, 240, 250)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(20, 120 + r.nextInt(40), 160 + r.nextInt(40)));
        g.fillRect(0, (int) (h * 0.6), w, h);
        g.setColor(new Color(60 + r.nextInt(40), 50 + r.nextInt(30), 45));
        g.fill(new Ellipse2D.Double(w / 2.0 - 70, h * 0.22, 140, 160));
        g.fill(new RoundRectangle2D.Double(w / 2.0 - 150, h * 0.58, 300, 260, 120, 120));
        g.dispose();
        return png(img);
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
