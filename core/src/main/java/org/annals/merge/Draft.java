package org.annals.merge;

import org.annals.coding.EventMention;
import org.annals.event.CodedEvent.Location;
import org.annals.time.EventDate;

/** A coded, dated and placed mention, before the mentions of one happening are merged. */
public record Draft(EventMention mention, EventDate date, Location location) {}
