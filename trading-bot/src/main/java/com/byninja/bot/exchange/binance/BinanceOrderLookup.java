package com.byninja.bot.exchange.binance;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * Binance's order query and cancel by client order id alone. XChange 5.2.4's own calls always send an {@code orderId}
 * (a primitive, or unboxes a null), which Binance would prefer over {@code origClientOrderId}; and the bot knows an
 * order by its client order id only when the answer to placing it was lost.
 */
@Path("")
@Produces("application/json")
public interface BinanceOrderLookup {

    @GET
    @Path("api/v3/order")
    BinanceOrder order(@QueryParam("symbol") String symbol, @QueryParam("origClientOrderId") String clientOrderId,
                       @QueryParam("recvWindow") Long recvWindow,
                       @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
                       @HeaderParam("X-MBX-APIKEY") String apiKey, @QueryParam("signature") ParamsDigest signature)
            throws IOException, BinanceException;

    @DELETE
    @Path("api/v3/order")
    BinanceCancelledOrder cancel(@QueryParam("symbol") String symbol,
                                 @QueryParam("origClientOrderId") String clientOrderId,
                                 @QueryParam("recvWindow") Long recvWindow,
                                 @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
                                 @HeaderParam("X-MBX-APIKEY") String apiKey,
                                 @QueryParam("signature") ParamsDigest signature)
            throws IOException, BinanceException;
}
