package com.byninja.bot.engine.port;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Open positions, the round trips they became and the dust they left: what a restart restores, what statistics
 * read and what reconciliation compares with the account. Fills change it only through {@link OrderJournal#recordFill},
 * in the fill's own transaction.
 */
public interface PositionJournal {

    /** Saves a position changed without a fill: its high-water mark, or a match to the account. */
    void savePosition(Position position) throws SQLException;

    /** @return the open positions. */
    List<Position> loadPositions() throws SQLException;

    /**
     * @param symbol the market, or null for all
     * @param since  the earliest close, or null for all time
     * @return closed round trips, oldest first
     */
    List<ClosedTrade> closedTrades(Symbol symbol, Instant since) throws SQLException;

    /**
     * @param symbol the market, or null for all
     * @param since  the earliest fill, or null for all time
     * @return the fees paid by filled orders, per currency
     */
    Map<String, BigDecimal> feesPaid(Symbol symbol, Instant since) throws SQLException;

    /** @return per asset, the remainders below one quantity step that closed positions left on the account. */
    Map<String, BigDecimal> dust() throws SQLException;

    /** Sets the dust recorded for {@code asset}. */
    void setDust(String asset, BigDecimal amount) throws SQLException;

    /**
     * @param symbol the market, or null for all
     * @param limit  how many at most
     * @return the last {@code limit} closed round trips, the latest first
     */
    List<ClosedTrade> recentTrades(Symbol symbol, int limit) throws SQLException;

    /**
     * Saves the owner's stop of a position, in place of the one its symbol had. The fill that closes the position
     * forgets it, in the fill's own transaction ({@link OrderJournal#recordFill}).
     */
    void saveOwnerStop(OwnerStop stop) throws SQLException;

    /** @return the owner's stops saved, by symbol; one whose position is gone belongs to none open */
    List<OwnerStop> ownerStops() throws SQLException;
}
