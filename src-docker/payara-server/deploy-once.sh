# Sourced by the Payara Server image's entrypoint (from scripts/init.d/, after its own
# init_1_generate_deploy_commands.sh has added "deploy .../smartsession.ear" to this start's
# post-boot commands).
#
# The first start of a container deploys SmartSession, and the domain keeps it: every later start
# of that container loads it at boot. Deploying it again there would be refused ("already
# registered"), or, forced, load the OpenCV, FFmpeg and PyTorch native libraries a second time in
# one JVM, which fails. So the deploy command is left out once the domain holds the application.
smartsession_domain_xml="${PAYARA_DIR}/glassfish/domains/${DOMAIN_NAME}/config/domain.xml"
if grep -q '<application[^>]*[[:space:]]name="smartsession"' "$smartsession_domain_xml"; then
  sed -i '/^deploy .*\/smartsession\.ear$/d' "$POSTBOOT_COMMANDS_FINAL"
  echo "[SmartSession] the domain already holds smartsession: not deploying it again"
fi
unset smartsession_domain_xml
