package io.cuecast.vision;

import io.cuecast.table.BallType;

/**
 * What a ball is, as its pixels tell it.
 *
 * @param number     the pool ball's number when its colour tells it; null otherwise, and always
 *                   for snooker, whose balls carry none
 * @param confidence 0..1: how far it sits inside its class
 */
public record Classification(BallType type, Integer number, double confidence) {
}
