<?php
// PHP keeps its settings in define() calls: a real database password and a random auth key are committed.
define( 'DB_NAME', 'shop' );
define( 'DB_USER', 'shop_app' );
define( 'DB_PASSWORD', '[|r4T-9vKw!eQ2zLm|]' );
define( 'DB_HOST', 'db.internal' );

define('AUTH_KEY', "[|Vh3#pX0q;Lz8&Wn5^Rt1(Ky7@Fd2!Sb|]");

define( 'WP_DEBUG', false );
