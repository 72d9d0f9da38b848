package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.charts.Charts;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.Message;
import com.byninja.telegram.telegram.ChatMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A reply that carries a chart goes as a picture with its text as the caption; one that cannot be drawn, as text. */
class ChartPicturesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CHART = """
            {"chart": {"symbol": "BTC/USDT", "title": "BTC/USDT 1m", "quote": "USDT", "periodMs": 60000,
              "candles": [[1772355600000, "100", "102", "99", "101"], [1772355660000, "101", "103", "100", "102"]],
              "marks": [{"t": 1772355630000, "price": "100.5", "entry": true, "label": "entry"}],
              "levels": [{"kind": "entry", "price": "100.5"}, {"kind": "stop_loss", "price": "97.485"},
                         {"kind": "take_profit", "price": "106.53"}]}}
            """;

    final ChartPictures pictures = new ChartPictures();

    Message reply(String data) throws Exception {
        return Message.replyTo(Message.command("c1", Command.STATUS, null), "BTC/USDT 1m: 2 candles, last 102 <USDT>",
                (ObjectNode) JSON.readTree(data));
    }

    @Test
    void aChartIsDrawnAtTheChatSizeWithTheReplyAsItsCaption() throws Exception {
        Optional<ChatMessage.Photo> photo = pictures.of("ninja", reply(CHART));

        assertThat(photo).isPresent();
        assertThat(photo.get().captionHtml()).isEqualTo("<b>ninja</b>: BTC/USDT 1m: 2 candles, last 102 &lt;USDT&gt;");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.get().png()));
        assertThat(image.getWidth()).isEqualTo(Charts.CHAT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.CHAT_HEIGHT);
    }

    @Test
    void aReplyWithoutAChartIsNoPictureAndABrokenChartIsCountedAndGoesAsText() throws Exception {
        assertThat(pictures.of("ninja", reply("{\"flag\": \"trading\"}"))).isEmpty();
        assertThat(pictures.failed()).isZero();

        assertThat(pictures.of("ninja", reply(CHART.replace("\"stop_loss\"", "\"moon\"")))).isEmpty();
        assertThat(pictures.of("ninja", reply(CHART.replace("\"periodMs\": 60000", "\"periodMs\": 0")))).isEmpty();
        assertThat(pictures.of("ninja", reply(CHART.replace("\"97.485\"", "[1]")))).isEmpty();
        assertThat(pictures.failed()).isEqualTo(3);
    }
}
