package sandbox;

import java.net.URL;
import java.net.http.HttpClient;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Rule net, the rest of the family: every call here is refused. */
public class NetFamily {
  static void all(URL u) throws Exception {
    new java.net.ServerSocket(0).close();
    new java.net.DatagramSocket().close();
    new java.net.MulticastSocket().close();
    u.openConnection();
    u.openStream().close();
    SocketChannel.open().close();
    ServerSocketChannel.open().close();
    HttpClient.newHttpClient();
    javax.net.SocketFactory.getDefault();
  }
}
