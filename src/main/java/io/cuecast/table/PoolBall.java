package io.cuecast.table;

import java.util.List;

/**
 * The sixteen balls of a pool set, with their numbers, types and nominal colours. Numbers 9-15 are
 * the stripes of 1-7 and share their colours.
 */
public enum PoolBall {
    CUE(0, new Rgb(245, 243, 232)),
    ONE(1, new Rgb(250, 200, 20)),
    TWO(2, new Rgb(20, 55, 175)),
    THREE(3, new Rgb(215, 25, 30)),
    FOUR(4, new Rgb(95, 35, 130)),
    FIVE(5, new Rgb(250, 110, 15)),
    SIX(6, new Rgb(15, 125, 60)),
    SEVEN(7, new Rgb(125, 25, 30)),
    EIGHT(8, new Rgb(18, 18, 20)),
    NINE(9, ONE.colour),
    TEN(10, TWO.colour),
    ELEVEN(11, THREE.colour),
    TWELVE(12, FOUR.colour),
    THIRTEEN(13, FIVE.colour),
    FOURTEEN(14, SIX.colour),
    FIFTEEN(15, SEVEN.colour);

    /** The white of the cue ball, and of the stripes' background and the number spots. */
    public static final Rgb WHITE = CUE.colour;

    private final int number;
    private final Rgb colour;

    PoolBall(int number, Rgb colour) {
        this.number = number;
        this.colour = colour;
    }

    public int number() {
        return number;
    }

    /** The ball's main colour: white for the cue ball, the stripe colour for 9-15. */
    public Rgb colour() {
        return colour;
    }

    public BallType type() {
        if (number == 0) {
            return BallType.CUE;
        }
        if (number == 8) {
            return BallType.EIGHT;
        }
        return number < 8 ? BallType.SOLID : BallType.STRIPE;
    }

    public static PoolBall ofNumber(int number) {
        if (number < 0 || number > 15) {
            throw new IllegalArgumentException("no pool ball numbered " + number);
        }
        return values()[number];
    }

    /** The solid and stripe that share a colour, e.g. 3 and 11; the cue and eight stand alone. */
    public static List<PoolBall> sharingColourWith(PoolBall ball) {
        int n = ball.number;
        if (n == 0 || n == 8) {
            return List.of(ball);
        }
        int solid = n > 8 ? n - 8 : n;
        return List.of(ofNumber(solid), ofNumber(solid + 8));
    }
}
