package org.annals.merge;

import org.annals.coding.EventMention;
import org.annals.place.EventPlacer;
import org.annals.time.EventDate;

/** A coded, dated and placed mention, before the mentions of one happening are merged. */
public record Draft(EventMention mention, EventDate date, EventPlacer.Placed place) {}
